import { calendarError, CalendarErrorCode } from './calendar-error';
import { validateHolidayNotice } from './validate-holiday-notice';

/** How a load reached the calendar: the `calendar` command, or the ADMIN mutation. */
export type NoticeLoadVia = 'COMMAND' | 'MUTATION';

/** Anything that runs SQL: a TypeORM DataSource or EntityManager (rows), or a pg Client (a result). */
export interface CalendarQueryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The load that set a year: who loaded which notice, how and when. */
export interface NoticeLoad {
  loadId: string;
  year: number;
  title: string;
  number: string;
  /** How many dates the notice listed. */
  days: number;
  loadedBy: string;
  unitCode: string | null;
  via: string;
  /** The server's time of the load. */
  loadedAt: Date;
  /** False when the year was loaded already with the same days: this call wrote nothing. */
  changed: boolean;
}

/** The rows of a query's answer, whichever client ran it. */
export function rowsOf<T>(answer: unknown): T[] {
  return (Array.isArray(answer) ? answer : (answer as { rows: T[] }).rows) as T[];
}

interface LoadRow {
  id: string;
  year: number;
  title: string;
  number: string;
  days: number;
  loaded_by: string;
  unit_code: string | null;
  via: string;
  loaded_at: Date;
}

/** The columns of a `calendar.load` row (as `l`) that make a {@link NoticeLoad}. */
const LOAD_COLUMNS =
  'l.id::text, l.year, l.title, l.number, jsonb_array_length(l.days) AS days, l.loaded_by, l.unit_code, l.via, l.loaded_at';

/**
 * Loads one year of the State Council's holiday notice into the shared calendar, through its one
 * write path (`calendar.load_notice`). Validates first ({@link validateHolidayNotice}). Idempotent:
 * a repeat with the same days writes nothing and answers with the load that set the year
 * (`changed: false`). Every load that writes leaves an append-only `calendar.load` row naming
 * `loadedBy`, and every clock reading the calendar reloads it (NOTIFY). Runs in the caller's
 * transaction when `db` is one.
 * @throws AppError: the notice's problems; CALENDAR_YEAR_ALREADY_LOADED when the year was loaded
 *   with other days (a loaded year is never rewritten); CALENDAR_NOT_INSTALLED before any service
 *   has created the calendar.
 */
export async function loadHolidayNotice(
  db: CalendarQueryable,
  input: unknown,
  by: { loadedBy: string; unitCode?: string | null; via: NoticeLoadVia },
): Promise<NoticeLoad> {
  const notice = validateHolidayNotice(input);
  let result: { load_id: string; changed: boolean } | undefined;
  try {
    [result] = rowsOf<{ load_id: string; changed: boolean }>(
      await db.query('SELECT load_id::text, changed FROM calendar.load_notice($1, $2, $3, $4::jsonb, $5, $6, $7)', [
        notice.year,
        notice.title,
        notice.number,
        JSON.stringify(notice.days),
        by.loadedBy,
        by.unitCode ?? null,
        by.via,
      ]),
    );
  } catch (e) {
    const { code, constraint } = e as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'calendar_year_loaded')
      throw calendarError(
        CalendarErrorCode.CALENDAR_YEAR_ALREADY_LOADED,
        `${notice.year} 年的节假日已按另一份内容载入，已载入的年度不能改写；如通知确有更正，请联系系统管理员`,
        'year',
      );
    if (code === '3F000' || code === '42883' || code === '42P01')
      throw calendarError(
        CalendarErrorCode.CALENDAR_NOT_INSTALLED,
        '共享工作日历尚未建立：请先启动 cases 或 complaints 服务完成数据库迁移',
      );
    throw e;
  }
  const [row] = rowsOf<LoadRow>(
    await db.query(`SELECT ${LOAD_COLUMNS} FROM calendar.load l WHERE l.id = $1`, [result!.load_id]),
  );
  return noticeLoadOf(row!, result!.changed);
}

/** The loaded years with the load that set each, oldest first (`changed: false`: a listing writes nothing). */
export async function readNoticeLoads(db: CalendarQueryable): Promise<NoticeLoad[]> {
  const rows = rowsOf<LoadRow>(
    await db.query(
      `SELECT ${LOAD_COLUMNS} FROM calendar.notice n JOIN calendar.load l ON l.id = n.load_id ORDER BY n.year`,
    ),
  );
  return rows.map((r) => noticeLoadOf(r, false));
}

function noticeLoadOf(r: LoadRow, changed: boolean): NoticeLoad {
  return {
    loadId: r.id,
    year: r.year,
    title: r.title,
    number: r.number,
    days: r.days,
    loadedBy: r.loaded_by,
    unitCode: r.unit_code,
    via: r.via,
    loadedAt: r.loaded_at,
    changed,
  };
}
