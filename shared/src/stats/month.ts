/** China Standard Time is UTC+8 all year (no daylight saving). */
const CST_OFFSET_MS = 8 * 3600 * 1000;
const LABEL = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * A calendar month in China Standard Time, the unit every monthly rollup and trend is kept in.
 * Written `YYYY-MM` at the edges (GraphQL arguments, trend labels); inside, a month is its
 * ordinal (year × 12 + month − 1), so a run of months is a range of numbers.
 */
export class Month {
  private constructor(readonly ordinal: number) {}

  /** The month written `YYYY-MM`, or null when `text` is not one. */
  static parse(text: string): Month | null {
    const m = LABEL.exec(text);
    return m ? new Month(Number(m[1]) * 12 + Number(m[2]) - 1) : null;
  }

  /** The month of a local date written `YYYY-MM-DD`, or null when `text` is not one. */
  static ofDate(text: string): Month | null {
    const m = DATE.exec(text);
    return m ? new Month(Number(m[1]) * 12 + Number(m[2]) - 1) : null;
  }

  /** The month of an ordinal (see `ordinal`). */
  static ofOrdinal(ordinal: number): Month {
    if (!Number.isInteger(ordinal) || ordinal < 0) throw new RangeError(`not a month ordinal: ${ordinal}`);
    return new Month(ordinal);
  }

  /** The local month that contains `instant`. */
  static containing(instant: Date): Month {
    const local = new Date(instant.getTime() + CST_OFFSET_MS);
    return new Month(local.getUTCFullYear() * 12 + local.getUTCMonth());
  }

  /** `YYYY-MM`. */
  get label(): string {
    return `${String(Math.floor(this.ordinal / 12)).padStart(4, '0')}-${String((this.ordinal % 12) + 1).padStart(2, '0')}`;
  }

  /** Its first day, `YYYY-MM-01`. */
  get firstDay(): string {
    return `${this.label}-01`;
  }

  /** The instant it begins: midnight of its first day, China Standard Time. */
  get start(): Date {
    return new Date(Date.UTC(Math.floor(this.ordinal / 12), this.ordinal % 12, 1) - CST_OFFSET_MS);
  }

  /** The month `n` months later (earlier when negative). */
  plus(n: number): Month {
    return Month.ofOrdinal(this.ordinal + n);
  }

  equals(other: Month): boolean {
    return this.ordinal === other.ordinal;
  }

  toString(): string {
    return this.label;
  }
}
