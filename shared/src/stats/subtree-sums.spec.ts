import { Tier } from '../auth/tier';
import { monthOrdinal } from './month-ordinal';
import { SubtreeSums } from './subtree-sums';

const OCT = monthOrdinal.of('2026-10');
const NOV = monthOrdinal.of('2026-11');
const CITY = '139900000000';
const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const VILLAGE_A = '139901001001';
const VILLAGE_B = '139901001002';
const OTHER_COUNTY_VILLAGE = '139902003004';

const measures = (s: Float64Array | undefined) => (s ? [...s.slice(0, 2)] : undefined);

describe('subtree sums', () => {
  it('numbers months consecutively across years', () => {
    expect(monthOrdinal.of('2026-01') - monthOrdinal.of('2025-12')).toBe(1);
    expect(monthOrdinal.label(monthOrdinal.of('2026-10-01'))).toBe('2026-10');
    expect(() => monthOrdinal.of('October')).toThrow();
  });

  it('adds each row to the subtree of every unit above it, and to its own', () => {
    const s = new SubtreeSums(2);
    s.set(VILLAGE_A, OCT, [3, 1]);
    s.set(VILLAGE_B, OCT, [2, 0]);
    s.set(TOWNSHIP, OCT, [1, 1]); // the township's own cases
    s.set(OTHER_COUNTY_VILLAGE, OCT, [10, 5]);
    expect(measures(s.at(VILLAGE_A, OCT))).toEqual([3, 1]);
    expect(measures(s.at(TOWNSHIP, OCT))).toEqual([6, 2]);
    expect(measures(s.at(COUNTY, OCT))).toEqual([6, 2]);
    expect(measures(s.at(CITY, OCT))).toEqual([16, 7]);
    expect(s.at(VILLAGE_A, NOV)).toBeUndefined();
    expect(s.rows).toBe(4);
  });

  it('moves every enclosing sum by the difference when a row changes, and counts a row once', () => {
    const s = new SubtreeSums(2);
    s.set(VILLAGE_A, OCT, [3, 1]);
    s.set(VILLAGE_A, OCT, [5, 0]);
    s.set(VILLAGE_A, OCT, [5, 0]); // read again: no change
    expect(measures(s.at(CITY, OCT))).toEqual([5, 0]);
    expect(s.at(CITY, OCT)![2]).toBe(1);
    s.set(VILLAGE_A, OCT, [0, 0]); // zeroed (a rebuild found no source rows): still a row, summing to nothing
    expect(measures(s.at(COUNTY, OCT))).toEqual([0, 0]);
    expect(s.rows).toBe(1);
  });

  it('totals a run of months', () => {
    const s = new SubtreeSums(2);
    s.set(VILLAGE_A, OCT, [3, 1]);
    s.set(VILLAGE_A, NOV, [4, 2]);
    s.set(VILLAGE_A, OCT - 24, [100, 100]);
    expect([...s.total(TOWNSHIP, OCT, NOV + 1)]).toEqual([7, 3, 2]);
    expect([...s.total(TOWNSHIP, OCT - 1000, NOV + 1000)]).toEqual([107, 103, 3]);
    expect([...s.total(VILLAGE_B, OCT, NOV + 1)]).toEqual([0, 0, 0]);
  });

  it('lists the units of a tier with rows in a period, leaving out rows of units above the tier', () => {
    const s = new SubtreeSums(1);
    s.set(VILLAGE_A, OCT, [1]);
    s.set(VILLAGE_B, NOV, [0]);
    s.set(TOWNSHIP, OCT, [7]);
    s.set(COUNTY, OCT, [9]);
    s.set(CITY, OCT, [11]);
    s.set('120101001001', OCT, [5]); // another city
    const codes = (tier: Tier, from = OCT, to = NOV + 1) =>
      s.unitsOfTier(tier, '1399', from, to).map((u) => [u.code, u.total[0]]);
    expect(codes(Tier.VILLAGE)).toEqual([
      [VILLAGE_A, 1],
      [VILLAGE_B, 0],
    ]);
    expect(codes(Tier.VILLAGE, OCT, OCT + 1)).toEqual([[VILLAGE_A, 1]]);
    expect(codes(Tier.TOWNSHIP)).toEqual([[TOWNSHIP, 8]]);
    expect(codes(Tier.COUNTY)).toEqual([[COUNTY, 17]]);
    expect(codes(Tier.CITY)).toEqual([[CITY, 28]]);
  });
});
