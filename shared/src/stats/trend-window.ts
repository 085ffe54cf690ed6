import { Month } from './month';
import { MonthRange } from './month-range';

/** How many calendar months a trend covers, the current one last. */
export const TREND_MONTHS = 12;

/** A run of calendar months in China Standard Time. */
export interface TrendWindow {
  /** `YYYY-MM`, oldest first. */
  months: string[];
  /** First day of the first month, `YYYY-MM-DD`. */
  from: string;
  /** First day after the last month, `YYYY-MM-DD`. */
  to: string;
}

/** The `count` months ending with the month (China Standard Time) that contains `now`. */
export function trendWindow(now: Date, count = TREND_MONTHS): TrendWindow {
  const range = MonthRange.trailing(now, count);
  return { months: range.months.map((m) => m.label), from: range.fromDay, to: range.toDay };
}

/** Is `s` a month written `YYYY-MM`? */
export function isMonth(s: string): boolean {
  return Month.parse(s) !== null;
}

/** The month before the one that contains `now` (China Standard Time): the last complete month. */
export function lastCompleteMonth(now: Date): string {
  return Month.containing(now).plus(-1).label;
}
