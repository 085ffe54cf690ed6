import { Month } from './month';

/**
 * Whole local months `[first, end)` (China Standard Time), never empty: the periods a monthly
 * rollup can answer. Each edge format the API takes (an instant range, a date range
 * `YYYY-MM-DD`, a month `YYYY-MM`) converts to it here, or to null when it is not whole months,
 * in which case the source rows must be read.
 */
export class MonthRange {
  private constructor(
    readonly first: Month,
    /** The month after the last. */
    readonly end: Month,
  ) {}

  /** `[first, end)`, or null when it holds no month. */
  static of(first: Month, end: Month): MonthRange | null {
    return first.ordinal < end.ordinal ? new MonthRange(first, end) : null;
  }

  /** The one month `month`. */
  static single(month: Month): MonthRange {
    return new MonthRange(month, month.plus(1));
  }

  /** The `count` months that end with the one containing `now`. */
  static trailing(now: Date, count: number): MonthRange {
    const last = Month.containing(now);
    return new MonthRange(last.plus(1 - count), last.plus(1));
  }

  /** The months `[from, to)` covers exactly, or null unless both are local midnight of a month's first day. */
  static ofInstants(from: Date, to: Date): MonthRange | null {
    const edge = (d: Date) => {
      const m = Month.containing(d);
      return m.start.getTime() === d.getTime() ? m : null;
    };
    const first = edge(from);
    const end = edge(to);
    return first && end ? MonthRange.of(first, end) : null;
  }

  /** The months a period of local dates `[from, to)` (`YYYY-MM-DD`) covers exactly, or null unless both are first days. */
  static ofDates(from: string, to: string): MonthRange | null {
    const first = from.endsWith('-01') ? Month.ofDate(from) : null;
    const end = to.endsWith('-01') ? Month.ofDate(to) : null;
    return first && end ? MonthRange.of(first, end) : null;
  }

  /** Its months, oldest first. */
  get months(): Month[] {
    return Array.from({ length: this.end.ordinal - this.first.ordinal }, (_, i) => this.first.plus(i));
  }

  /** Its first day, `YYYY-MM-DD`. */
  get fromDay(): string {
    return this.first.firstDay;
  }

  /** The first day after it, `YYYY-MM-DD`. */
  get toDay(): string {
    return this.end.firstDay;
  }

  contains(month: Month): boolean {
    return month.ordinal >= this.first.ordinal && month.ordinal < this.end.ordinal;
  }
}
