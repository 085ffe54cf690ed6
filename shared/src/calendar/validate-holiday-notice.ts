import type { CalendarDay } from './calendar-day';
import { calendarError, CalendarErrorCode, type CalendarProblem } from './calendar-error';
import type { HolidayNotice } from './holiday-notice';
import { isoDate } from './iso-date';

/** The years a notice may be for. */
export const NOTICE_YEARS = { min: 2000, max: 2100 } as const;
const TITLE_MAX = 200;
const NUMBER_MAX = 60;
const NOTE_MAX = 50;
// C0 and C1 control characters (line breaks included): a title, number or note is one line.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a holiday notice as an official would: the year, the title that names it, and each
 * listed day (a real date of that year, listed once, working or not, with a note such as 春节 or
 * 春节调休上班). A make-up working day must fall on a Saturday or Sunday, since weekdays are
 * worked anyway; a closed day needs its reason (the note); the notice must close at least one
 * weekday. Returns the notice with its text trimmed.
 * @throws AppError carrying every problem (code and field each), the first one's code on top.
 */
export function validateHolidayNotice(input: unknown): HolidayNotice {
  const problems: CalendarProblem[] = [];
  const add = (code: CalendarErrorCode, field: string, message: string) => problems.push({ code, field, message });
  if (!isRecord(input) || !Array.isArray(input['days'])) {
    throw calendarError(
      CalendarErrorCode.CALENDAR_NOTICE_MALFORMED,
      '节假日通知格式有误：须为 {year, title, number, days: [{date, working, note}]}',
      'days',
    );
  }
  const year = input['year'];
  const yearOk =
    typeof year === 'number' && Number.isInteger(year) && year >= NOTICE_YEARS.min && year <= NOTICE_YEARS.max;
  if (!yearOk)
    add(CalendarErrorCode.CALENDAR_YEAR_INVALID, 'year', `年度须为 ${NOTICE_YEARS.min}-${NOTICE_YEARS.max} 之间的整数`);

  const title = typeof input['title'] === 'string' ? input['title'].trim() : '';
  if (!title || title.length > TITLE_MAX || CONTROL.test(title))
    add(CalendarErrorCode.CALENDAR_TITLE_INVALID, 'title', `通知标题不能为空，不超过 ${TITLE_MAX} 字，且不能换行`);
  else if (yearOk && !title.includes(`${year}年`))
    add(CalendarErrorCode.CALENDAR_TITLE_INVALID, 'title', `通知标题须写明“${year}年”，与所填年度一致`);

  const rawNumber = input['number'] ?? '';
  const number = typeof rawNumber === 'string' ? rawNumber.trim() : '';
  if (typeof rawNumber !== 'string' || number.length > NUMBER_MAX || CONTROL.test(number))
    add(CalendarErrorCode.CALENDAR_NUMBER_INVALID, 'number', `文号须为不超过 ${NUMBER_MAX} 字的一行文字（可留空）`);

  const list = input['days'] as unknown[];
  if (list.length === 0 || list.length > 366)
    add(CalendarErrorCode.CALENDAR_DAYS_EMPTY, 'days', '日期列表须列出 1-366 个放假或调休上班的日期');

  const days: CalendarDay[] = [];
  const seen = new Map<string, number>();
  let weekdaysClosed = 0;
  list.forEach((item, i) => {
    const at = `days[${i}]`;
    if (!isRecord(item)) {
      add(CalendarErrorCode.CALENDAR_DATE_INVALID, at, '每一项须为 {date, working, note}');
      return;
    }
    const date = item['date'];
    const working = item['working'];
    const note = typeof item['note'] === 'string' ? item['note'].trim() : '';
    let dayNumber: number | null = null;
    if (typeof date !== 'string' || !isoDate.isValid(date)) {
      add(CalendarErrorCode.CALENDAR_DATE_INVALID, `${at}.date`, '日期须为有效的 YYYY-MM-DD');
    } else if (yearOk && date.slice(0, 4) !== String(year)) {
      add(CalendarErrorCode.CALENDAR_DATE_OUTSIDE_YEAR, `${at}.date`, `日期 ${date} 不在 ${String(year)} 年内`);
    } else if (seen.has(date)) {
      add(
        CalendarErrorCode.CALENDAR_DATE_DUPLICATE,
        `${at}.date`,
        `日期 ${date} 重复，已见于 days[${seen.get(date)!}]`,
      );
    } else {
      seen.set(date, i);
      dayNumber = isoDate.toDayNumber(date);
    }
    if (typeof working !== 'boolean')
      add(CalendarErrorCode.CALENDAR_WORKING_INVALID, `${at}.working`, 'working 须为 true（调休上班）或 false（放假）');
    if (!note || note.length > NOTE_MAX || CONTROL.test(note))
      add(
        CalendarErrorCode.CALENDAR_NOTE_INVALID,
        `${at}.note`,
        `须注明缘由（如“春节”“春节调休上班”），不超过 ${NOTE_MAX} 字`,
      );
    if (dayNumber === null || typeof working !== 'boolean') return;
    const weekday = isoDate.weekday(dayNumber);
    const weekend = weekday === 0 || weekday === 6;
    if (working && !weekend)
      add(
        CalendarErrorCode.CALENDAR_MAKEUP_NOT_WEEKEND,
        `${at}.working`,
        `${date} 是工作日，本就上班：调休上班日须为周六或周日`,
      );
    if (!working && !weekend) weekdaysClosed++;
    days.push({ date: date as string, working, note });
  });
  if (list.length > 0 && problems.length === 0 && weekdaysClosed === 0)
    add(CalendarErrorCode.CALENDAR_NO_HOLIDAY, 'days', '通知未安排任何工作日放假，不像节假日安排，请核对');

  const first = problems[0];
  if (first) {
    const message =
      problems.length === 1
        ? `${first.field}：${first.message}`
        : `共 ${problems.length} 项有误，首项 ${first.field}：${first.message}`;
    throw calendarError(first.code, message, first.field, problems);
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { year: year as number, title, number, days };
}
