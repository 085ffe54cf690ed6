import { Tier } from '@sunlight/shared';
import type { CityTree, CityUnit } from './city-units';
import type { Random } from './random';

/**
 * How much the demo city does in a year: small enough to load in seconds at first start, large
 * enough that every county, township and village files the handful of cases a month each risk
 * indicator needs (5 filed and 5 completed, 10 ratings) among at least four peers. A village
 * committee's hundred-odd matters a year (证明, 低保初审, 建房申请…) are about two a week;
 * filings are spread evenly over the weighted working days, so even the Spring Festival month
 * keeps its handful.
 */
export const DEMO_SCALE = {
  /** Cases a year filed at a unit of each kind. */
  cases: { city: 300, county: 300, township: 90, community: 150, village: 120 },
  /** As in the city generator (2M ratings and 50k complaints to 1M cases). */
  ratingsPerCase: 2,
  complaintsPerCase: 0.05,
} as const;

function yearly(u: CityUnit): number {
  const c = DEMO_SCALE.cases;
  switch (u.tier) {
    case Tier.CITY:
      return c.city;
    case Tier.COUNTY:
      return c.county;
    case Tier.TOWNSHIP:
      return c.township;
    case Tier.VILLAGE:
      // An urban community (社区) serves many more residents than a village.
      return u.name.endsWith('社区') ? c.community : c.village;
  }
}

/** Cases per unit over the demo's year: its kind's volume, varied by ±15%. */
export function demoVolumes(tree: CityTree, random: Random): Map<string, number> {
  return new Map(tree.units.map((u) => [u.code, Math.round(yearly(u) * (0.85 + 0.3 * random.next()))]));
}
