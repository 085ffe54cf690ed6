import { isoDate } from './iso-date';

describe('isoDate', () => {
  it('agrees with Date on every day from 1900 to 2100', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2100, 11, 31) / 86_400_000;
    const mismatches: string[] = [];
    for (let n = first; n <= last; n++) {
      const date = new Date(n * 86_400_000);
      const text = date.toISOString().slice(0, 10);
      if (
        isoDate.fromDayNumber(n) !== text ||
        isoDate.toDayNumber(text) !== n ||
        isoDate.weekday(n) !== date.getUTCDay()
      )
        mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
    expect(last - first + 1).toBe(73_414); // 201 years, 49 of them leap (2000 is, 1900 and 2100 are not)
  });

  it('knows leap years', () => {
    expect(isoDate.isValid('2024-02-29')).toBe(true);
    expect(isoDate.isValid('2000-02-29')).toBe(true);
    expect(isoDate.isValid('2026-02-29')).toBe(false);
    expect(isoDate.isValid('1900-02-29')).toBe(false);
    expect(isoDate.isValid('2100-02-29')).toBe(false);
  });

  it('rejects what is not YYYY-MM-DD', () => {
    for (const bad of [
      '2026-1-01',
      '2026-00-10',
      '2026-04-31',
      '2026-01-00',
      ' 2026-01-01',
      '2026-01-01 ',
      "2026-01-01'",
      '20260101',
      '',
    ]) {
      expect(isoDate.isValid(bad)).toBe(false);
      expect(() => isoDate.toDayNumber(bad)).toThrow(RangeError);
    }
  });

  it('covers years 0000 to 9999 and no further', () => {
    expect(isoDate.fromDayNumber(isoDate.MIN_DAY)).toBe('0000-01-01');
    expect(isoDate.fromDayNumber(isoDate.MAX_DAY)).toBe('9999-12-31');
    expect(() => isoDate.fromDayNumber(isoDate.MAX_DAY + 1)).toThrow(RangeError);
    expect(() => isoDate.fromDayNumber(isoDate.MIN_DAY - 1)).toThrow(RangeError);
  });
});
