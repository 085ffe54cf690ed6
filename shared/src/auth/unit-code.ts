import { Tier } from './tier';

const CODE = /^\d{12}$/;
const PREFIX_LENGTH: Record<Tier, number> = { CITY: 4, COUNTY: 6, TOWNSHIP: 9, VILLAGE: 12 };

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
