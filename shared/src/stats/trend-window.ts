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

/** China Standard Time is UTC+8 all year (no daylight saving). */
export const CST_OFFSET_MS = 8 * 3600 * 1000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const label = (year: number, monthIndex: number) => {
  const d = new Date(Date.UTC(year, monthIndex, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** The `count` months ending with the month (China Standard Time) that contains `now`. */
export function trendWindow(now: Date, count = TREND_MONTHS): TrendWindow {
  const local = new Date(now.getTime() + CST_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const months = Array.from({ length: count }, (_, i) => label(y, m - count + 1 + i));
  return { months, from: `${months[0]}-01`, to: `${label(y, m + 1)}-01` };
}

/** Is `s` a month written `YYYY-MM`? */
export function isMonth(s: string): boolean {
  return MONTH.test(s);
}

/** The month before the one that contains `now` (China Standard Time): the last complete month. */
export function lastCompleteMonth(now: Date): string {
  return trendWindow(now, 2).months[0]!;
}
