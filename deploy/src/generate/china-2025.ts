import type { CalendarDay } from '@sunlight/shared';
import { dateDay, dayDate } from './time-window';

function holiday(first: string, last: string, note: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let n = dateDay(first); n <= dateDay(last); n++) days.push({ date: dayDate(n), working: false, note });
  return days;
}

function makeUp(date: string, festival: string): CalendarDay {
  return { date, working: true, note: `${festival}调休上班` };
}

/**
 * China's 2025 public holidays and make-up working days (国务院办公厅 2025 年部分节假日安排), in the
 * shape of the services' `calendar_day` rows. The migrations seed 2026 only; the generated history
 * starts in January 2025, so the generator adds these rows (never replacing one that exists).
 */
export const CHINA_2025: readonly CalendarDay[] = Object.freeze([
  ...holiday('2025-01-01', '2025-01-01', '元旦'),
  makeUp('2025-01-26', '春节'),
  ...holiday('2025-01-28', '2025-02-04', '春节'),
  makeUp('2025-02-08', '春节'),
  ...holiday('2025-04-04', '2025-04-06', '清明节'),
  makeUp('2025-04-27', '劳动节'),
  ...holiday('2025-05-01', '2025-05-05', '劳动节'),
  ...holiday('2025-05-31', '2025-06-02', '端午节'),
  makeUp('2025-09-28', '国庆节'),
  ...holiday('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  makeUp('2025-10-11', '国庆节'),
]);
