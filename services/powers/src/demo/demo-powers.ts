import { Tier } from '@sunlight/shared';
import { PowerCategory } from '../power/power-category';
import { powerCode } from '../power/power-code';
import { BUREAU_CATALOG, BUREAU_QUOTA } from './demo-catalog-bureau';
import { TOWNSHIP_CATALOG, TOWNSHIP_QUOTA, VILLAGE_CATALOG } from './demo-catalog-local';
import type { PowerTemplate } from './demo-flows';
import { buildPower, type PowerBuildContext } from './demo-power-builder';
import { DemoRandom } from './demo-random';
import { RiskLevelDeck } from './demo-risks';
import type { DemoPower, DemoUnit } from './demo-types';
import type { DemoOrganization } from './demo-units';

/** For each category of the quota, that many distinct templates of the category, at random. */
function pickByQuota(
  catalog: readonly PowerTemplate[],
  quota: Partial<Record<PowerCategory, number>>,
  random: DemoRandom,
): PowerTemplate[] {
  return Object.values(PowerCategory).flatMap((category) => {
    const wanted = quota[category] ?? 0;
    const candidates = catalog.filter((t) => t.category === category);
    if (candidates.length < wanted)
      throw new Error(`demo catalog has ${candidates.length} ${category} templates, quota ${wanted}`);
    return random.sample(candidates, wanted);
  });
}

function templatesFor(unit: DemoUnit, random: DemoRandom): PowerTemplate[] {
  switch (unit.tier) {
    case Tier.CITY:
    case Tier.COUNTY:
      return pickByQuota(BUREAU_CATALOG, BUREAU_QUOTA, random);
    case Tier.TOWNSHIP:
      return pickByQuota(TOWNSHIP_CATALOG, TOWNSHIP_QUOTA, random);
    case Tier.VILLAGE:
      return [random.pick(VILLAGE_CATALOG)];
  }
}

/**
 * The power catalogs of all units: 40 per city or county, 12 per township, 1 per village.
 * Each unit draws from its own random stream; risk levels come from one shared deck.
 */
export function buildDemoPowers(units: readonly DemoUnit[], org: DemoOrganization, seed: number): DemoPower[] {
  const levels = new RiskLevelDeck(DemoRandom.fork(seed, 'risk-levels'));
  return units.flatMap((unit) => {
    const random = DemoRandom.fork(seed, 'powers', unit.code);
    const ctx: PowerBuildContext = { org, random, levels };
    const numbers = new Map<PowerCategory, number>();
    return templatesFor(unit, random).map((template) => {
      const n = (numbers.get(template.category) ?? 0) + 1;
      numbers.set(template.category, n);
      return buildPower(template, unit, powerCode(template.category, n), ctx);
    });
  });
}
