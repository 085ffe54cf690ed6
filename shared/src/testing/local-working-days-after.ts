import type { WorkingCalendar } from '../calendar/working-calendar';

/** The instant `days` working days of `calendar` after `from`, at 10:00 local (UTC+8) time. */
export function localWorkingDaysAfter(calendar: WorkingCalendar, from: Date, days: number): Date {
  return new Date(`${calendar.addWorkingDays(from, days)}T10:00:00+08:00`);
}
