import { CHINA_2026, WorkingCalendar } from '@sunlight/shared';
import { demoCutOff } from './demo-cut-off';

const calendar = new WorkingCalendar(CHINA_2026);
const local = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

describe('demoCutOff', () => {
  it('on a working Monday ends the history at 18:00 on the Friday before; Monday is the boundary', () => {
    const c = demoCutOff(calendar, local('2026-12-07', '09:10'));
    expect(c.boundary).toBe('2026-12-07');
    expect(c.window).toEqual({ from: '2025-12-05', to: '2026-12-04', now: local('2026-12-04', '18:00').getTime() });
  });

  it('at any hour of a working day, the day before is the last of the history', () => {
    expect(demoCutOff(calendar, local('2026-12-09', '00:00')).window.to).toBe('2026-12-08');
    expect(demoCutOff(calendar, local('2026-12-09', '23:59')).window.to).toBe('2026-12-08');
  });

  it('on a weekend the boundary is the Friday just passed, and the history ends on Thursday', () => {
    const c = demoCutOff(calendar, local('2026-12-12', '15:00'));
    expect(c.boundary).toBe('2026-12-11');
    expect(c.window.to).toBe('2026-12-10');
  });

  it('follows the official calendar: after National Day the make-up Saturday is a working day', () => {
    // 2026-10-01..07 are holidays; Thursday 10-08 and Friday 10-09 work, Saturday 10-10 is a make-up day.
    expect(demoCutOff(calendar, local('2026-10-08', '10:00'))).toMatchObject({
      boundary: '2026-10-08',
      window: { to: '2026-09-30' },
    });
    expect(demoCutOff(calendar, local('2026-10-11', '10:00'))).toMatchObject({
      boundary: '2026-10-10',
      window: { to: '2026-10-09' },
    });
  });

  it('leaves exactly one working day between the cut-off and now', () => {
    for (let day = 0; day < 60; day++) {
      const now = new Date(local('2026-09-01', '08:00').getTime() + day * 86_400_000);
      const c = demoCutOff(calendar, now);
      expect(calendar.workingDaysBetween(new Date(c.window.now), now)).toBe(1);
      expect(c.window.now).toBeLessThan(now.getTime());
    }
  });
});
