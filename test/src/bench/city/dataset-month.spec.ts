import { currentMonth, lastDataMonth } from './dataset-month';

describe('lastDataMonth', () => {
  it('is the month of the last date when that date ends its month', () => {
    expect(lastDataMonth({ to: '2026-10-31' })).toBe('2026-10');
    expect(lastDataMonth({ to: '2024-02-29' })).toBe('2024-02');
  });

  it('is the month before when the data stops inside a month', () => {
    expect(lastDataMonth({ to: '2026-11-15' })).toBe('2026-10');
    expect(lastDataMonth({ to: '2026-01-30' })).toBe('2025-12');
  });
});

describe('currentMonth', () => {
  it('counts months in China Standard Time', () => {
    expect(currentMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(currentMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
  });
});
