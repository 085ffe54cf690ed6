import type { WorkingCalendar } from '@sunlight/shared';
import { dateDay, dayDate, dayOf, dayStart, type TimeWindow } from './time-window';

/** When the demo history ends, and the working-day boundary the live card clock crosses after it. */
export interface DemoCutOff {
  /** The twelve months of history: from a year before `to` to 18:00 local on `to` (`window.now`). */
  window: TimeWindow;
  /** The most recent working day up to `now` (local date): it begins after the history ends. */
  boundary: string;
}

const HOUR = 3_600_000;

/**
 * The demo history's cut-off C: 18:00 local on the working day before the most recent working day
 * D up to `now`. Nothing in the history is later than C (offices close before it), and exactly one
 * working day, D, lies between C and `now`: every clock of a case open at C has gone up by exactly
 * one working day since, so the cards it earned by crossing into D are due and not yet raised.
 * The real card scheduler raises them at its first sweep, with real timestamps.
 */
export function demoCutOff(calendar: WorkingCalendar, now: Date): DemoCutOff {
  const working = (day: number) => calendar.isWorkingDay(dayDate(day));
  let boundary = dayOf(now.getTime());
  while (!working(boundary)) boundary--;
  let last = boundary - 1;
  while (!working(last)) last--;
  const to = dayDate(last);
  const from = new Date(Date.UTC(Number(to.slice(0, 4)) - 1, Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)) + 1))
    .toISOString()
    .slice(0, 10);
  return {
    window: { from, to, now: dayStart(dateDay(to)) + 18 * HOUR },
    boundary: dayDate(boundary),
  };
}
