import { WorkingCalendar, type CalendarDayRow } from './working-calendar';

/**
 * The working calendar stored in the `calendar_day` table of the connection's schema (the table
 * `calendarTableSql` creates): how a service and its test database read it.
 */
export async function readWorkingCalendar(db: { query(sql: string): Promise<unknown> }): Promise<WorkingCalendar> {
  const rows = (await db.query('SELECT day::text AS day, working, note FROM calendar_day')) as CalendarDayRow[];
  return WorkingCalendar.fromRows(rows);
}
