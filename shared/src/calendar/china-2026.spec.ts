import { CHINA_2026 } from './china-2026';

/** Day of the week through the platform's Date, independently of the calendar's own arithmetic. */
const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string): boolean => weekdayOf(date) === 0 || weekdayOf(date) === 6;

describe('CHINA_2026', () => {
  it('lists each date once, all in 2026', () => {
    const dates = CHINA_2026.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const date of dates) {
      expect(date).toMatch(/^2026-\d{2}-\d{2}$/);
      expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
    }
  });

  it('makes up work only on weekends, on exactly the six scheduled days', () => {
    const working = CHINA_2026.filter((d) => d.working);
    for (const d of working) expect(isWeekend(d.date)).toBe(true);
    expect(working.map((d) => d.date).sort()).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('takes off exactly the 19 weekdays the schedule closes', () => {
    const weekdaysOff = CHINA_2026.filter((d) => !d.working && !isWeekend(d.date)).map((d) => d.date);
    for (const date of weekdaysOff) expect(weekdayOf(date)).toBeGreaterThanOrEqual(1);
    expect(weekdaysOff.sort()).toEqual([
      ...['2026-01-01', '2026-01-02'], // 元旦 Thu, Fri
      ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'], // 春节
      '2026-04-06', // 清明 Mon
      ...['2026-05-01', '2026-05-04', '2026-05-05'], // 劳动节 Fri, Mon, Tue
      '2026-06-19', // 端午 Fri
      '2026-09-25', // 中秋 Fri
      ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], // 国庆
    ]);
  });

  it('lists every date of each break, with a note', () => {
    const off = CHINA_2026.filter((d) => !d.working);
    expect(off).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(off.filter((d) => d.note === '春节').map((d) => d.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(CHINA_2026.find((d) => d.date === '2026-10-10')?.note).toBe('国庆节调休上班');
    for (const d of CHINA_2026) expect(d.note).not.toBe('');
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(CHINA_2026)).toBe(true);
    expect(Object.isFrozen(CHINA_2026[0])).toBe(true);
  });
});
