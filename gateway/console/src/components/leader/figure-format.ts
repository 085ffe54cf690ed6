/** How the leader's figures are written: a dash where the API has no value (never 0 in its place). */
export const DASH = '—';

export const count = (n: number | null | undefined): string => (n == null ? DASH : String(n));
export const percent = (x: number | null | undefined): string => (x == null ? DASH : `${(x * 100).toFixed(1)}%`);
export const decimal = (x: number | null | undefined, digits = 1): string => (x == null ? DASH : x.toFixed(digits));

/** The current month in China Standard Time, YYYY-MM. */
export function thisMonth(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** The query period of a month: instants for cases and complaints, dates for ratings. */
export function monthPeriod(month: string): { from: string; to: string; dFrom: string; dTo: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return {
    from: `${month}-01T00:00:00+08:00`,
    to: `${next}-01T00:00:00+08:00`,
    dFrom: `${month}-01`,
    dTo: `${next}-01`,
  };
}
