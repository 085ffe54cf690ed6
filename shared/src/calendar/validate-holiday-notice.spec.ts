import type { AppError } from '../errors/app-error';
import type { CalendarProblem } from './calendar-error';
import { CHINA_2026, CHINA_2026_NOTICE_TITLE } from './china-2026';
import { validateHolidayNotice } from './validate-holiday-notice';

const notice2026 = () => ({
  year: 2026,
  title: CHINA_2026_NOTICE_TITLE,
  number: '',
  days: CHINA_2026.map((d) => ({ ...d })),
});

/** The problems (code and field) a notice is refused with. */
function problemsOf(input: unknown): { code: string; field: string }[] {
  try {
    validateHolidayNotice(input);
  } catch (e) {
    const error = e as AppError;
    const problems = (error.problems ?? []) as CalendarProblem[];
    expect(error.extensions['code']).toBe(problems[0]?.code ?? error.code);
    return problems.length
      ? problems.map((p) => ({ code: p.code, field: p.field }))
      : [{ code: error.code, field: error.field ?? '' }];
  }
  return [];
}

describe('validateHolidayNotice', () => {
  it('accepts the 2026 notice as the calendar has it, dates sorted and text trimmed', () => {
    const input = notice2026();
    input.days.reverse();
    input.title = ` ${input.title} `;
    const notice = validateHolidayNotice(input);
    expect(notice.title).toBe(CHINA_2026_NOTICE_TITLE);
    expect(notice.days).toEqual([...CHINA_2026].sort((a, b) => a.date.localeCompare(b.date)));
  });

  it('refuses a date outside the year, a repeated date and an impossible date, naming each field', () => {
    const input = notice2026();
    input.days.push({ date: '2027-01-01', working: false, note: '元旦' });
    input.days.push({ ...input.days[0]! });
    input.days.push({ date: '2026-02-30', working: false, note: '春节' });
    const n = CHINA_2026.length;
    expect(problemsOf(input)).toEqual([
      { code: 'CALENDAR_DATE_OUTSIDE_YEAR', field: `days[${n}].date` },
      { code: 'CALENDAR_DATE_DUPLICATE', field: `days[${n + 1}].date` },
      { code: 'CALENDAR_DATE_INVALID', field: `days[${n + 2}].date` },
    ]);
  });

  it('refuses a make-up working day on a weekday and a day without its reason', () => {
    const input = notice2026();
    input.days.push({ date: '2026-03-04', working: true, note: '调休上班' }); // a Wednesday
    input.days.push({ date: '2026-03-05', working: false, note: '  ' });
    const n = CHINA_2026.length;
    expect(problemsOf(input)).toEqual([
      { code: 'CALENDAR_MAKEUP_NOT_WEEKEND', field: `days[${n}].working` },
      { code: 'CALENDAR_NOTE_INVALID', field: `days[${n + 1}].note` },
    ]);
  });

  it('refuses a notice that closes no weekday, and a title that does not name its year', () => {
    expect(problemsOf({ ...notice2026(), days: [{ date: '2026-03-07', working: false, note: '周六' }] })).toEqual([
      { code: 'CALENDAR_NO_HOLIDAY', field: 'days' },
    ]);
    expect(problemsOf({ ...notice2026(), title: '国务院办公厅关于2025年部分节假日安排的通知' })).toEqual([
      { code: 'CALENDAR_TITLE_INVALID', field: 'title' },
    ]);
  });

  it('refuses a bad year, a malformed input and a non-boolean working flag', () => {
    expect(problemsOf({ ...notice2026(), year: 26 })).toEqual([{ code: 'CALENDAR_YEAR_INVALID', field: 'year' }]);
    expect(problemsOf({ year: 2026, title: CHINA_2026_NOTICE_TITLE })).toEqual([
      { code: 'CALENDAR_NOTICE_MALFORMED', field: 'days' },
    ]);
    const input = notice2026() as { days: unknown[] };
    input.days[0] = { date: '2026-01-01', working: 'no', note: '元旦' };
    expect(problemsOf(input)).toEqual([{ code: 'CALENDAR_WORKING_INVALID', field: 'days[0].working' }]);
  });

  it('writes its messages in Chinese', () => {
    const input = notice2026();
    input.days.push({ date: '2026-03-04', working: true, note: '调休上班' });
    expect(() => validateHolidayNotice(input)).toThrow(/是工作日，本就上班：调休上班日须为周六或周日/);
  });
});
