/** Milliseconds per day, and China Standard Time's offset (the platform's calendars use it). */
export const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** The local (UTC+8) day number of an instant: days since 1970-01-01. */
export function dayOf(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

/** The instant a local day begins. */
export function dayStart(day: number): number {
  return day * DAY_MS - OFFSET_MS;
}

/** The local date `YYYY-MM-DD` of a day number. */
export function dayDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a local date `YYYY-MM-DD`. */
export function dateDay(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/**
 * The fixed period the data covers. Nothing depends on the wall clock: "now" is the end of the
 * window, so the same seed gives the same data on any day.
 */
export interface TimeWindow {
  /** First local date cases may be filed on. */
  from: string;
  /** Last local date of the window. */
  to: string;
  /** The generator's "now": 18:00 local on `to`. */
  now: number;
}

export function timeWindow(from = '2025-01-01', to = '2026-10-31'): TimeWindow {
  return { from, to, now: dayStart(dateDay(to)) + 18 * 3_600_000 };
}
