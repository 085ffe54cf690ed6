import type { CalendarDay } from './calendar-day';
import { isoDate } from './iso-date';

/** Every date from `first` to `last` inclusive, off work, with one note. */
function holiday(first: string, last: string, note: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let n = isoDate.toDayNumber(first); n <= isoDate.toDayNumber(last); n++)
    days.push({ date: isoDate.fromDayNumber(n), working: false, note });
  return days;
}

/** A weekend date worked to make up for a holiday (调休上班). */
function makeUp(date: string, festival: string): CalendarDay {
  return { date, working: true, note: `${festival}调休上班` };
}

/**
 * China's 2026 public holidays and make-up working days, as the State Council's notice on the
 * 2026 holiday schedule sets them. Each holiday lists every date of its break, weekends
 * included; each make-up weekend day is listed as working.
 */
export const CHINA_2026: readonly CalendarDay[] = Object.freeze(
  [
    ...holiday('2026-01-01', '2026-01-03', '元旦'),
    makeUp('2026-01-04', '元旦'),
    makeUp('2026-02-14', '春节'),
    ...holiday('2026-02-15', '2026-02-23', '春节'),
    makeUp('2026-02-28', '春节'),
    ...holiday('2026-04-04', '2026-04-06', '清明节'),
    ...holiday('2026-05-01', '2026-05-05', '劳动节'),
    makeUp('2026-05-09', '劳动节'),
    ...holiday('2026-06-19', '2026-06-21', '端午节'),
    makeUp('2026-09-20', '国庆节'),
    ...holiday('2026-09-25', '2026-09-27', '中秋节'),
    ...holiday('2026-10-01', '2026-10-07', '国庆节'),
    makeUp('2026-10-10', '国庆节'),
  ].map((d) => Object.freeze(d)),
);

/** The title of the notice {@link CHINA_2026} comes from (its document number is not recorded here). */
export const CHINA_2026_NOTICE_TITLE = '国务院办公厅关于2026年部分节假日安排的通知';
