import { alignedDateMonths, alignedMonths } from './month-aligned';
import { lastCompleteMonth, trendWindow } from './trend-window';

describe('month alignment (China Standard Time)', () => {
  it('accepts periods from one local month start to another', () => {
    expect(alignedMonths(new Date('2026-09-30T16:00:00Z'), new Date('2026-10-31T16:00:00Z'))).toEqual({ first: '2026-10-01', end: '2026-11-01' });
    expect(alignedMonths(new Date('2025-12-31T16:00:00Z'), new Date('2026-12-31T16:00:00Z'))).toEqual({ first: '2026-01-01', end: '2027-01-01' });
  });

  it('refuses anything else, so the source rows are read', () => {
    expect(alignedMonths(new Date('2026-10-01T00:00:00Z'), new Date('2026-11-01T00:00:00Z'))).toBeNull(); // UTC midnight is 08:00 in China
    expect(alignedMonths(new Date('2026-09-30T15:59:59.999Z'), new Date('2026-10-31T16:00:00Z'))).toBeNull();
    expect(alignedMonths(new Date('2026-10-31T16:00:00Z'), new Date('2026-09-30T16:00:00Z'))).toBeNull();
    expect(alignedDateMonths('2026-10-01', '2026-10-15')).toBeNull();
    expect(alignedDateMonths('2026-10-01', '2026-11-01')).toEqual({ first: '2026-10-01', end: '2026-11-01' });
  });

  it('windows the last twelve months, the current one (in China) last', () => {
    const w = trendWindow(new Date('2026-12-31T17:00:00Z')); // already 2027-01-01 01:00 in China
    expect(w.months[11]).toBe('2027-01');
    expect(w.months[0]).toBe('2026-02');
    expect(w).toMatchObject({ from: '2026-02-01', to: '2027-02-01' });
    expect(lastCompleteMonth(new Date('2026-11-22T10:00:00Z'))).toBe('2026-10');
  });
});
