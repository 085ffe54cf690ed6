import type { CalendarDay } from '@sunlight/shared';
import type { Random } from './random';
import { dateDay, dayDate, dayOf, dayStart, type TimeWindow } from './time-window';
import type { WorkingDays } from './working-days';

const MINUTE = 60_000;
/** Filing volume by month: a dip in the Spring Festival month, peaks in March and September. */
const MONTH = [1.0, 0.72, 1.3, 1.05, 0.95, 1.05, 0.95, 0.9, 1.3, 0.85, 1.05, 1.15];
/** Monday is busiest; a make-up weekend working day is quiet. */
const WEEKDAY = [0.75, 1.15, 1.05, 1.0, 1.0, 0.9, 0.75];

/**
 * When things are filed: working days of the window weighted by season, weekday and a yearly
 * growth, with the fortnight around the Spring Festival holiday quieter still; times within office
 * hours, busier in the morning.
 */
export class FilingCalendar {
  readonly days: number[];
  private readonly cumulative: Float64Array;

  constructor(wd: WorkingDays, window: TimeWindow, holidays: readonly CalendarDay[]) {
    const festival = holidays.filter((d) => !d.working && d.note === '春节').map((d) => dateDay(d.date));
    this.days = wd.between(dateDay(window.from), dayOf(window.now));
    this.cumulative = new Float64Array(this.days.length);
    let sum = 0;
    this.days.forEach((day, i) => {
      const date = dayDate(day);
      const month = Number(date.slice(5, 7)) - 1;
      const nearFestival = festival.some((f) => Math.abs(f - day) <= 7);
      const growth = 1 + 0.08 * ((day - this.days[0]!) / 365);
      sum += MONTH[month]! * WEEKDAY[new Date(day * 86_400_000).getUTCDay()]! * growth * (nearFestival ? 0.7 : 1);
      this.cumulative[i] = sum;
    });
  }

  /** A working day of the window, drawn by weight. */
  day(random: Random): number {
    const roll = random.next() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! <= roll) lo = mid + 1;
      else hi = mid;
    }
    return this.days[lo]!;
  }

  /**
   * `n` filing moments spread over the window in proportion to its weights (systematic sampling:
   * the k-th at the weight quantile (k + u) / n for one random u), so every month gets its share
   * within one filing instead of a draw's scatter; a small unit's quiet month keeps the handful of
   * cases its monthly figures need. Times within office hours are drawn as in `instant`.
   */
  spread(n: number, random: Random): number[] {
    const total = this.cumulative[this.cumulative.length - 1]!;
    const offset = random.next();
    const out: number[] = [];
    let i = 0;
    for (let k = 0; k < n; k++) {
      const at = ((k + offset) / n) * total;
      while (i < this.cumulative.length - 1 && this.cumulative[i]! <= at) i++;
      const ms = FilingCalendar.officeHours(this.days[i]!, random);
      out.push(ms - (ms % 1000));
    }
    return out;
  }

  /** A moment of office hours on `day`: 08:30-12:00 or 13:30-17:30, mornings busier. */
  static officeHours(day: number, random: Random): number {
    const morning = random.chance(0.62);
    const from = morning ? 8 * 60 + 30 : 13 * 60 + 30;
    const span = morning ? 210 : 240;
    return dayStart(day) + (from + random.next() * span) * MINUTE;
  }

  /** A filing moment: a weighted working day at office hours, to the second. */
  instant(random: Random): number {
    const ms = FilingCalendar.officeHours(this.day(random), random);
    return ms - (ms % 1000);
  }
}
