import type { HolidayNotice } from '../calendar/holiday-notice';
import { isoDate } from '../calendar/iso-date';

/**
 * A clearly fictional holiday notice for `year`, for test databases only (never a real schedule):
 * the first Wednesday and Thursday of March off, the Saturday after worked. Every note and the
 * title say it is fictional.
 */
export function fictionalHolidayNotice(year: number): HolidayNotice & { offDays: string[]; makeUpDay: string } {
  const march1 = isoDate.toDayNumber(`${year}-03-01`);
  const wednesday = march1 + ((3 - isoDate.weekday(march1) + 7) % 7);
  const offDays = [isoDate.fromDayNumber(wednesday), isoDate.fromDayNumber(wednesday + 1)];
  const makeUpDay = isoDate.fromDayNumber(wednesday + 3);
  return {
    year,
    title: `测试用虚构通知（非真实数据）：关于${year}年部分节假日安排的通知`,
    number: `测试〔${year}〕1号`,
    days: [
      ...offDays.map((date) => ({ date, working: false, note: '虚构测试假日' })),
      { date: makeUpDay, working: true, note: '虚构测试调休上班' },
    ],
    offDays,
    makeUpDay,
  };
}
