import { Tier } from '@sunlight/shared';
import type { CityTree } from './city-units';
import type { Random } from './random';

/** Units clearly worse than their peers: more overdue cases, more dissatisfied ratings, more complaints. */
export interface WorseUnits {
  county: string;
  townships: string[];
  villages: string[];
  /** How much worse a unit is than its peers: 1 for most; the subtree of a worse unit inherits it. */
  factor(code: string): number;
}

const COUNTY_FACTOR = 3.5;
const TOWNSHIP_FACTOR = 4;
const VILLAGE_FACTOR = 5;

/**
 * Picks the worse units deterministically: one rural county, four townships and twenty villages
 * elsewhere (fewer at small scale).
 */
export function chooseWorseUnits(tree: CityTree, random: Random): WorseUnits {
  const rural = tree.counties.filter((c) => c.name.endsWith('县'));
  const county = random.pick(rural.length > 0 ? rural : tree.counties).code;
  const outside = (code: string) => !code.startsWith(county.slice(0, 6));
  const townships = random
    .sample(
      tree.townships.filter((t) => outside(t.code)),
      Math.max(1, Math.min(4, Math.floor(tree.townships.length / 4))),
    )
    .map((t) => t.code);
  const villages = random
    .sample(
      tree.villages.filter((v) => outside(v.code) && !townships.some((t) => v.code.startsWith(t.slice(0, 9)))),
      Math.max(2, Math.min(20, Math.floor(tree.villages.length / 20))),
    )
    .map((v) => v.code);
  const factors = new Map<string, number>();
  for (const u of tree.units) {
    let f = 1;
    if (u.tier !== Tier.CITY && u.code.startsWith(county.slice(0, 6))) f = COUNTY_FACTOR;
    if (townships.some((t) => u.code.startsWith(t.slice(0, 9)))) f = Math.max(f, TOWNSHIP_FACTOR);
    if (villages.includes(u.code)) f = VILLAGE_FACTOR;
    factors.set(u.code, f);
  }
  return { county, townships, villages, factor: (code) => factors.get(code) ?? 1 };
}
