import type { WorkingCalendar } from '@sunlight/shared';
import { dateDay, dayDate } from './time-window';

/**
 * The working days of a span of local days, indexed for the generator's hot loop: counting and
 * stepping are array look-ups. Built from the services' own `WorkingCalendar`, so every count
 * agrees with what the services compute (`workingDaysBetween`, `addWorkingDays`).
 */
export class WorkingDays {
  private readonly first: number;
  private readonly last: number;
  /** `rank[d - first]`: working days on or before day d within the span. */
  private readonly rank: Int32Array;
  /** The working days of the span, ascending. */
  readonly days: number[] = [];

  constructor(calendar: WorkingCalendar, firstDate: string, lastDate: string) {
    this.first = dateDay(firstDate);
    this.last = dateDay(lastDate);
    this.rank = new Int32Array(this.last - this.first + 1);
    let n = 0;
    for (let d = this.first; d <= this.last; d++) {
      if (calendar.isWorkingDay(dayDate(d))) {
        n++;
        this.days.push(d);
      }
      this.rank[d - this.first] = n;
    }
  }

  private rankOf(day: number): number {
    if (day < this.first || day > this.last)
      throw new RangeError(`day ${dayDate(day)} is outside the generator's calendar`);
    return this.rank[day - this.first]!;
  }

  isWorking(day: number): boolean {
    return this.rankOf(day) !== (day > this.first ? this.rankOf(day - 1) : 0);
  }

  /** Working days d with a < d <= b (the services' `workingDaysBetween` on day numbers). */
  count(a: number, b: number): number {
    return b <= a ? 0 : this.rankOf(b) - this.rankOf(a);
  }

  /** The `n`-th working day after `day` (`day` itself for 0). */
  after(day: number, n: number): number {
    if (n === 0) return day;
    const found = this.days[this.rankOf(day) + n - 1];
    if (found === undefined)
      throw new RangeError(`${n} working days after ${dayDate(day)} is outside the generator's calendar`);
    return found;
  }

  /** The working days from `fromDay` to `toDay` inclusive. */
  between(fromDay: number, toDay: number): number[] {
    return this.days.filter((d) => d >= fromDay && d <= toDay);
  }
}
