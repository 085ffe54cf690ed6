import { CST_OFFSET_MS } from './trend-window';

/**
 * The local months (China Standard Time) `[from, to)` covers exactly, as `YYYY-MM-01` dates, or
 * null when either end is not midnight of a month's first day: then a monthly rollup cannot
 * answer for the period and the source rows must be read.
 */
export function alignedMonths(from: Date, to: Date): { first: string; end: string } | null {
  const edge = (d: Date) => {
    const local = new Date(d.getTime() + CST_OFFSET_MS);
    const aligned = local.getUTCDate() === 1 && local.getUTCHours() === 0 && local.getUTCMinutes() === 0 && local.getUTCSeconds() === 0 && local.getUTCMilliseconds() === 0;
    return aligned ? local.toISOString().slice(0, 10) : null;
  };
  const first = edge(from);
  const end = edge(to);
  return first && end && first < end ? { first, end } : null;
}

/** The same for a period of local dates `YYYY-MM-DD` (rating dates). */
export function alignedDateMonths(from: string, to: string): { first: string; end: string } | null {
  return from.endsWith('-01') && to.endsWith('-01') && from < to ? { first: from, end: to } : null;
}
