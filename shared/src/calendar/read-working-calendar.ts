import { rowsOf, type CalendarQueryable } from './load-holiday-notice';
import { WorkingCalendar, type CalendarDayRow } from './working-calendar';

/**
 * The shared working calendar (`calendar.day` and the years of `calendar.notice`, which the
 * `SharedCalendarMigration` creates): how a service, its test database and the generator read
 * it, in one statement so that a load never shows a year half read.
 */
export async function readWorkingCalendar(db: CalendarQueryable): Promise<WorkingCalendar> {
  const rows = rowsOf<{ year: number; day: string | null; working: boolean | null; note: string | null }>(
    await db.query(
      'SELECT n.year, d.day::text AS day, d.working, d.note FROM calendar.notice n LEFT JOIN calendar.day d ON d.year = n.year',
    ),
  );
  const days: CalendarDayRow[] = [];
  for (const r of rows) if (r.day !== null) days.push({ day: r.day, working: r.working!, note: r.note });
  return WorkingCalendar.fromRows(days, { loadedYears: rows.map((r) => r.year) });
}
