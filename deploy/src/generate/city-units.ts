import { Tier } from '@sunlight/shared';
import { PlaceNamer } from './place-names';
import type { Random } from './random';
import type { Scale } from './scale';

/** The city's 4-digit prefix, as in the demo data: every generated code starts with it. */
export const CITY_PREFIX = '1399';

/** An administrative division of the generated city. */
export interface CityUnit {
  code: string;
  name: string;
  tier: Tier;
  parentCode: string | null;
}

/** The unit tree, depth-first (city, then each county followed by its townships and villages). */
export interface CityTree {
  units: CityUnit[];
  city: CityUnit;
  counties: CityUnit[];
  townships: CityUnit[];
  villages: CityUnit[];
  byCode: Map<string, CityUnit>;
  childrenOf(code: string): CityUnit[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Integer shares of `total` proportional to `weights`, each at least `min` (largest remainder). */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const spare = total - min * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * spare);
  const out = raw.map((r) => min + Math.floor(r));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}

function townshipCounts(scale: Scale, random: Random): number[] {
  const [lo, hi] = scale.townshipsPerCounty;
  const counts = Array.from({ length: scale.counties }, () => random.int(lo, hi));
  // Nudge the draw to the target total without leaving the range.
  for (
    let i = 0, guard = 0;
    counts.reduce((a, b) => a + b, 0) !== scale.townships && guard < 100_000;
    i = (i + 1) % counts.length, guard++
  ) {
    const diff = scale.townships - counts.reduce((a, b) => a + b, 0);
    if (diff > 0 && counts[i]! < hi) counts[i]! += 1;
    if (diff < 0 && counts[i]! > lo) counts[i]! -= 1;
  }
  return counts;
}

/**
 * The generated city: one city, `scale.counties` counties (the last `scale.districts` of them
 * urban districts), their townships and villages, coded as in the demo data (city 139900000000,
 * county 1399CC000000, township 1399CCTTT000, village 1399CCTTTVVV).
 */
export function buildCityUnits(scale: Scale, cityName: string, random: Random): CityTree {
  const names = new PlaceNamer(random);
  const city: CityUnit = { code: CITY_PREFIX.padEnd(12, '0'), name: cityName, tier: Tier.CITY, parentCode: null };
  const counties: CityUnit[] = [];
  const townships: CityUnit[] = [];
  const townshipKinds: string[] = [];
  const perCounty = townshipCounts(scale, random);
  for (let i = 0; i < scale.counties; i++) {
    const district = i >= scale.counties - scale.districts;
    const prefix = CITY_PREFIX + pad(i + 1, 2);
    counties.push({
      code: prefix.padEnd(12, '0'),
      name: names.county(district),
      tier: Tier.COUNTY,
      parentCode: city.code,
    });
    for (let j = 0; j < perCounty[i]!; j++) {
      const roll = random.next();
      const kind = district ? (roll < 0.7 ? '街道' : '镇') : roll < 0.65 ? '镇' : roll < 0.95 ? '乡' : '街道';
      townships.push({
        code: (prefix + pad(j + 1, 3)).padEnd(12, '0'),
        name: names.township(kind),
        tier: Tier.TOWNSHIP,
        parentCode: prefix.padEnd(12, '0'),
      });
      townshipKinds.push(kind);
    }
  }
  const weights = townshipKinds.map((k) => (k === '街道' ? 0.35 : k === '乡' ? 0.9 : 1) * (0.6 + 0.8 * random.next()));
  const villageCounts = apportion(scale.villages, weights, 3);
  const villages: CityUnit[] = [];
  townships.forEach((t, i) => {
    const kind = townshipKinds[i]!;
    for (let k = 0; k < villageCounts[i]!; k++) {
      const community = kind === '街道' || (kind === '镇' && random.chance(0.1));
      villages.push({
        code: t.code.slice(0, 9) + pad(k + 1, 3),
        name: names.village(t.code, community),
        tier: Tier.VILLAGE,
        parentCode: t.code,
      });
    }
  });
  const children = new Map<string, CityUnit[]>();
  for (const u of [...counties, ...townships, ...villages]) {
    const list = children.get(u.parentCode!) ?? [];
    list.push(u);
    children.set(u.parentCode!, list);
  }
  const units: CityUnit[] = [city];
  const walk = (u: CityUnit) => {
    for (const c of children.get(u.code) ?? []) {
      units.push(c);
      walk(c);
    }
  };
  walk(city);
  return {
    units,
    city,
    counties,
    townships,
    villages,
    byCode: new Map(units.map((u) => [u.code, u])),
    childrenOf: (code) => children.get(code) ?? [],
  };
}
