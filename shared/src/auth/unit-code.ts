import { Tier } from './tier';

const CODE = /^\d{12}$/;
const PREFIX_LENGTH: Record<Tier, number> = { CITY: 4, COUNTY: 6, TOWNSHIP: 9, VILLAGE: 12 };
/** The digits that are zero in a code of the tier above and not in one of this tier (1-based start, length). */
const TIER_DIGITS: Record<Tier, [number, number] | null> = {
  CITY: null,
  COUNTY: [5, 2],
  TOWNSHIP: [7, 3],
  VILLAGE: [10, 3],
};

function tierOf(code: string): Tier {
  if (code.endsWith('00000000')) return Tier.CITY;
  if (code.endsWith('000000')) return Tier.COUNTY;
  if (code.endsWith('000')) return Tier.TOWNSHIP;
  return Tier.VILLAGE;
}

/**
 * Rules for 12-digit statistical division codes (first 6 digits as GB/T 2260): tier, scope
 * prefix, containment and the fixed-width range a unit's subtree occupies.
 */
export const unitCode = {
  /** True for a well-formed code of a city, county, township or village. */
  isValid(code: string): boolean {
    return CODE.test(code) && code.slice(2, 4) !== '00';
  },
  tierOf,
  /** The scope prefix: 4 digits for a city, 6 county, 9 township, 12 village. */
  prefixOf(code: string): string {
    return code.slice(0, PREFIX_LENGTH[tierOf(code)]);
  },
  /** Length of the scope prefix of a unit of `tier`. */
  prefixLength(tier: Tier): number {
    return PREFIX_LENGTH[tier];
  },
  /**
   * SQL condition: the 12-digit code in `column` lies inside some unit of `tier` (not at a tier
   * above it), so that `left(column, prefixLength(tier))` names that unit.
   */
  withinTierSql(tier: Tier, column: string): string {
    const d = TIER_DIGITS[tier];
    return d ? `substr(${column}, ${d[0]}, ${d[1]}) <> '${'0'.repeat(d[1])}'` : 'true';
  },
  /** The test of `withinTierSql`, in memory: does `code` lie inside some unit of `tier`? */
  isWithinTier(tier: Tier, code: string): boolean {
    const d = TIER_DIGITS[tier];
    return !d || code.slice(d[0] - 1, d[0] - 1 + d[1]) !== '0'.repeat(d[1]);
  },
  /** Does `outer`'s subtree contain `inner` (a unit contains itself)? */
  contains(outer: string, inner: string): boolean {
    return CODE.test(inner) && inner.startsWith(unitCode.prefixOf(outer));
  },
  /** Inclusive bounds of the codes in `code`'s subtree, for an index-friendly `BETWEEN`. */
  subtreeRange(code: string): { low: string; high: string } {
    const prefix = unitCode.prefixOf(code);
    return { low: prefix.padEnd(12, '0'), high: prefix.padEnd(12, '9') };
  },
  /** The code of the unit one tier up, or null for a city. */
  parentOf(code: string): string | null {
    switch (tierOf(code)) {
      case Tier.CITY:
        return null;
      case Tier.COUNTY:
        return code.slice(0, 4).padEnd(12, '0');
      case Tier.TOWNSHIP:
        return code.slice(0, 6).padEnd(12, '0');
      case Tier.VILLAGE:
        return code.slice(0, 9).padEnd(12, '0');
    }
  },
};
