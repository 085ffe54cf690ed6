import { Month } from './month';
import { MonthRange } from './month-range';
import { lastCompleteMonth, trendWindow } from './trend-window';

const month = (label: string) => Month.parse(label)!;
const range = (r: MonthRange | null) => (r ? { first: r.fromDay, end: r.toDay } : null);

describe('a month (China Standard Time)', () => {
  it('parses and formats YYYY-MM, and refuses anything else', () => {
    expect(month('2026-10').label).toBe('2026-10');
    expect(month('2026-10').firstDay).toBe('2026-10-01');
    expect(String(month('0999-01'))).toBe('0999-01');
    for (const bad of ['2026-13', '2026-00', '2026-1', '2026-10-01', 'October', ''])
      expect(Month.parse(bad)).toBeNull();
    expect(Month.ofDate('2026-10-31')?.label).toBe('2026-10');
    expect(Month.ofDate('2026-10')).toBeNull();
  });

  it('counts months consecutively across years', () => {
    expect(month('2026-01').ordinal - month('2025-12').ordinal).toBe(1);
    expect(month('2025-12').plus(1).label).toBe('2026-01');
    expect(month('2026-01').plus(-13).label).toBe('2024-12');
    expect(Month.ofOrdinal(month('2026-10').ordinal).equals(month('2026-10'))).toBe(true);
  });

  it('begins at local midnight of its first day, which is 16:00 UTC the day before', () => {
    expect(month('2026-10').start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(Month.containing(new Date('2026-09-30T16:00:00Z')).label).toBe('2026-10');
    expect(Month.containing(new Date('2026-09-30T15:59:59.999Z')).label).toBe('2026-09');
  });
});

describe('a range of whole months', () => {
  it('accepts instant periods from one local month start to another', () => {
    expect(range(MonthRange.ofInstants(new Date('2026-09-30T16:00:00Z'), new Date('2026-10-31T16:00:00Z')))).toEqual({
      first: '2026-10-01',
      end: '2026-11-01',
    });
    expect(range(MonthRange.ofInstants(new Date('2025-12-31T16:00:00Z'), new Date('2026-12-31T16:00:00Z')))).toEqual({
      first: '2026-01-01',
      end: '2027-01-01',
    });
  });

  it('refuses anything else, so the source rows are read', () => {
    expect(MonthRange.ofInstants(new Date('2026-10-01T00:00:00Z'), new Date('2026-11-01T00:00:00Z'))).toBeNull(); // UTC midnight is 08:00 in China
    expect(MonthRange.ofInstants(new Date('2026-09-30T15:59:59.999Z'), new Date('2026-10-31T16:00:00Z'))).toBeNull();
    expect(MonthRange.ofInstants(new Date('2026-10-31T16:00:00Z'), new Date('2026-09-30T16:00:00Z'))).toBeNull();
    expect(MonthRange.ofDates('2026-10-01', '2026-10-15')).toBeNull();
    expect(MonthRange.ofDates('2026-10-01', '2026-10-01')).toBeNull();
    expect(range(MonthRange.ofDates('2026-10-01', '2026-11-01'))).toEqual({ first: '2026-10-01', end: '2026-11-01' });
  });

  it('lists its months and knows which it contains', () => {
    const r = MonthRange.of(month('2026-11'), month('2027-02'))!;
    expect(r.months.map(String)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect([r.contains(month('2026-11')), r.contains(month('2027-01')), r.contains(month('2027-02'))]).toEqual([
      true,
      true,
      false,
    ]);
    expect(MonthRange.single(month('2026-12')).months.map(String)).toEqual(['2026-12']);
  });

  it('windows the last twelve months, the current one (in China) last', () => {
    const w = trendWindow(new Date('2026-12-31T17:00:00Z')); // already 2027-01-01 01:00 in China
    expect(w.months[11]).toBe('2027-01');
    expect(w.months[0]).toBe('2026-02');
    expect(w).toMatchObject({ from: '2026-02-01', to: '2027-02-01' });
    expect(lastCompleteMonth(new Date('2026-11-22T10:00:00Z'))).toBe('2026-10');
    expect(MonthRange.trailing(new Date('2026-12-31T17:00:00Z'), 12).months.map(String)).toEqual(w.months);
  });
});
