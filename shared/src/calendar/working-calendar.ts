import type { CalendarDay } from './calendar-day';
import { isoDate } from './iso-date';

/** How a {@link WorkingCalendar} maps instants to local dates. */
export interface WorkingCalendarOptions {
  /** The fixed offset of local time from UTC, in minutes; 480 (China Standard Time, no DST) by default. */
  utcOffsetMinutes?: number;
  /**
   * The years whose holidays are loaded (from their notices). A span reaching any other year is
   * counted by the Monday-to-Friday rule alone there, and {@link WorkingCalendar.missingYears}
   * names it. Absent: every year counts as loaded (a plain calendar, as in pure tests).
   */
  loadedYears?: Iterable<number>;
}

/** A row of the `calendar_day` table, with `day` selected as text (`SELECT day::text AS day, working, note`). */
export interface CalendarDayRow {
  day: string;
  working: boolean;
  note?: string | null;
}

const MS_PER_DAY = 86_400_000;
// A Monday (1970-01-05), the origin of the whole-week count.
const MONDAY = 4;

/** Weekdays among the day numbers before `n`, counted from MONDAY (negative before it): a prefix sum. */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor((n - MONDAY) / 7);
  return weeks * 5 + Math.min(n - MONDAY - weeks * 7, 5);
}

/** How many of the sorted `days` are at most `n`. */
function countAtMost(days: readonly number[], n: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! <= n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Working days in local time: Monday to Friday, except the listed {@link CalendarDay}s. Statutory
 * and promised time limits (法定时限, 承诺时限) are counted with it. A day is a whole local
 * calendar date: the day something starts never counts, and a day counts as soon as it begins.
 * Counting is arithmetic over whole weeks plus a binary search over the exceptions, so spans of
 * many years cost no more than a few days.
 */
export class WorkingCalendar {
  private readonly offsetMs: number;
  private readonly byDate = new Map<string, CalendarDay>();
  /** Day numbers of the exceptions that change the Mon-Fri rule, ascending. */
  private readonly changedDays: number[] = [];
  /** `adjustment[i]`: working days added (negative: removed) by the first `i` changed days. */
  private readonly adjustment: number[] = [0];
  private readonly loadedYears: ReadonlySet<number> | null;

  /**
   * @param days the exceptions; each date must be a valid `YYYY-MM-DD` and listed once.
   * @throws RangeError for a malformed or repeated date, or an offset beyond ±14 hours.
   */
  constructor(days: readonly CalendarDay[], options: WorkingCalendarOptions = {}) {
    const offset = options.utcOffsetMinutes ?? 480;
    if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60)
      throw new RangeError(`utcOffsetMinutes must be a whole number of minutes within ±840, got ${offset}`);
    this.offsetMs = offset * 60_000;
    this.loadedYears = options.loadedYears ? new Set(options.loadedYears) : null;

    const changes: { day: number; delta: number }[] = [];
    for (const d of days) {
      const day = isoDate.toDayNumber(d.date);
      if (typeof d.working !== 'boolean') throw new TypeError(`calendar day ${d.date}: working must be a boolean`);
      if (this.byDate.has(d.date)) throw new RangeError(`calendar day ${d.date} is listed twice`);
      this.byDate.set(d.date, Object.freeze({ date: d.date, working: d.working, note: d.note }));
      const weekday = isoDate.weekday(day);
      const delta = (d.working ? 1 : 0) - (weekday >= 1 && weekday <= 5 ? 1 : 0);
      if (delta !== 0) changes.push({ day, delta });
    }
    changes.sort((a, b) => a.day - b.day);
    for (const c of changes) {
      this.changedDays.push(c.day);
      this.adjustment.push(this.adjustment[this.adjustment.length - 1]! + c.delta);
    }
  }

  /**
   * A calendar from rows of the `calendar_day` table. Select `day::text`: node-postgres turns a
   * `date` into a `Date` at the process's local midnight, which this refuses.
   */
  static fromRows(rows: readonly CalendarDayRow[], options?: WorkingCalendarOptions): WorkingCalendar {
    return new WorkingCalendar(
      rows.map((r) => {
        if (typeof r.day !== 'string') throw new TypeError('calendar_day.day must be selected as text (day::text)');
        return { date: r.day, working: r.working, note: r.note ?? '' };
      }),
      options,
    );
  }

  /** The loaded years, ascending; null when the calendar does not track them (every year counts as loaded). */
  get years(): number[] | null {
    return this.loadedYears ? [...this.loadedYears].sort((a, b) => a - b) : null;
  }

  /**
   * The years not loaded among the days a clock counts from `from` through the local date
   * `through` (localDate(from) < d <= through), ascending: empty when the whole span is loaded.
   * A deadline computed over such a span is provisional: its holidays are not known yet.
   */
  missingYears(from: Date, through: string): number[] {
    if (!this.loadedYears) return [];
    const first = Number(isoDate.fromDayNumber(this.dayOf(from) + 1).slice(0, 4));
    const last = Number(through.slice(0, 4));
    isoDate.toDayNumber(through);
    const missing: number[] = [];
    for (let year = first; year <= last; year++) if (!this.loadedYears.has(year)) missing.push(year);
    return missing;
  }

  /** The local calendar date (`YYYY-MM-DD`) of an instant. */
  localDate(instant: Date): string {
    return isoDate.fromDayNumber(this.dayOf(instant));
  }

  /** Whether a local date is a working day: its exception if listed, else Monday to Friday. */
  isWorkingDay(date: string): boolean {
    const day = isoDate.toDayNumber(date);
    const exception = this.byDate.get(date);
    if (exception) return exception.working;
    const weekday = isoDate.weekday(day);
    return weekday >= 1 && weekday <= 5;
  }

  /**
   * The number of working days d with localDate(from) < d <= localDate(to): the first day never
   * counts and the last counts once it has begun. 0 when `to` falls on or before `from`'s day.
   */
  workingDaysBetween(from: Date, to: Date): number {
    return this.countDays(this.dayOf(from), this.dayOf(to));
  }

  /**
   * The local date of the `days`-th working day after `from`'s local date: the deadline of a
   * limit of `days` working days started at `from`.
   * @throws RangeError unless `days` is a whole number of at least 1.
   */
  addWorkingDays(from: Date, days: number): string {
    if (!Number.isSafeInteger(days) || days < 1)
      throw new RangeError(`days must be a whole number of at least 1, got ${days}`);
    const start = this.dayOf(from);
    // Gallop to a day by which enough working days have passed, then bisect for the first.
    let lo = start;
    let hi = Math.min(start + days, isoDate.MAX_DAY);
    while (this.countDays(start, hi) < days) {
      if (hi === isoDate.MAX_DAY)
        throw new RangeError(`${days} working days after ${isoDate.fromDayNumber(start)} is beyond 9999-12-31`);
      lo = hi;
      hi = Math.min(start + 2 * (hi - start), isoDate.MAX_DAY);
    }
    // Invariant: countDays(start, lo) < days <= countDays(start, hi).
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (this.countDays(start, mid) < days) lo = mid;
      else hi = mid;
    }
    return isoDate.fromDayNumber(hi);
  }

  /**
   * Working days elapsed on a clock that ran from `start` to `now`, less those inside its pauses
   * (中止, 暂停计时). A pause counts like {@link workingDaysBetween}(pause.from, pause.to ?? now)
   * after clipping to [start, now]; a day inside several overlapping pauses is excluded once.
   * Never negative.
   */
  elapsedWorkingDays(start: Date, now: Date, pauses: readonly { from: Date; to: Date | null }[]): number {
    const first = this.dayOf(start);
    const last = this.dayOf(now);
    const total = this.countDays(first, last);
    if (total === 0) return 0;

    // Each clipped pause excludes the local days (a, b]; merge them so none is excluded twice.
    const spans: [number, number][] = [];
    for (const p of pauses) {
      const from = Math.max(p.from.getTime(), start.getTime());
      const to = Math.min((p.to ?? now).getTime(), now.getTime());
      if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('a pause has an invalid date');
      if (to <= from) continue;
      const a = this.dayOfMs(from);
      const b = this.dayOfMs(to);
      if (b > a) spans.push([a, b]);
    }
    spans.sort((x, y) => x[0] - y[0]);
    let paused = 0;
    let coveredTo = -Infinity;
    for (const [a, b] of spans) {
      const lo = Math.max(a, coveredTo);
      if (b > lo) paused += this.countDays(lo, b);
      coveredTo = Math.max(coveredTo, b);
    }
    return Math.max(0, total - paused);
  }

  /** Working days d with a < d <= b, on day numbers. */
  private countDays(a: number, b: number): number {
    if (b <= a) return 0;
    const weekdays = weekdaysBefore(b + 1) - weekdaysBefore(a + 1);
    const adjust =
      this.adjustment[countAtMost(this.changedDays, b)]! - this.adjustment[countAtMost(this.changedDays, a)]!;
    return weekdays + adjust;
  }

  private dayOf(instant: Date): number {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError('invalid Date');
    return this.dayOfMs(ms);
  }

  private dayOfMs(ms: number): number {
    return Math.floor((ms + this.offsetMs) / MS_PER_DAY);
  }
}
