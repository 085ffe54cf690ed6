/**
 * The last whole month a generated dataset covers (`YYYY-MM`): the month of the window's last
 * date when that date ends its month, otherwise the month before. The benchmark asks for this
 * month rather than the wall clock's, which would be empty once the data is a few weeks old.
 */
export function lastDataMonth(window: { to: string }): string {
  const [y, m, d] = window.to.split('-').map(Number) as [number, number, number];
  const endsMonth = new Date(Date.UTC(y, m - 1, d + 1)).getUTCDate() === 1;
  const month = new Date(Date.UTC(y, endsMonth ? m - 1 : m - 2, 1));
  return month.toISOString().slice(0, 7);
}

/** The month (`YYYY-MM`, China Standard Time) that contains `now`: where new filings are counted. */
export function currentMonth(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}
