import { Tier } from '@sunlight/shared';
import type { CatalogPower } from './catalog-power';
import type { CityTree } from './city-units';
import type { Organization } from './organization';

/** A filing-capable account: a CLERK of a unit's service window and powers that window files. */
export interface ClerkSample {
  subject: string;
  role: 'CLERK';
  unitCode: string;
  departmentId: string;
  leader: string;
  powerIds: string[];
}

/** Clerks of the city, every county, and one township and one village of each county. */
export function clerkSamples(tree: CityTree, org: Organization, catalog: readonly CatalogPower[]): ClerkSample[] {
  const units = [
    tree.city,
    ...tree.counties.flatMap((c) => {
      const township = tree.childrenOf(c.code)[0];
      const village = township ? tree.childrenOf(township.code)[0] : undefined;
      return [c, township, village].filter((u) => u !== undefined);
    }),
  ];
  return units.flatMap((u) => {
    const window = org.serviceDepartment(u.code);
    const powers = catalog
      .filter((p) => p.unitCode === u.code && p.departmentId === window.id)
      .sort((a, b) => a.flow.length - b.flow.length || b.weight - a.weight);
    if (powers.length === 0) return [];
    return [
      {
        subject: `clerk.${u.code}`,
        role: 'CLERK' as const,
        unitCode: u.code,
        departmentId: window.id,
        leader: `leader.${u.code}`,
        powerIds: powers.slice(0, 5).map((p) => p.id),
      },
    ];
  });
}

/** Up to `n` published powers of each county's own catalog. */
export function powersByCounty(tree: CityTree, catalog: readonly CatalogPower[], n = 10): Record<string, string[]> {
  return Object.fromEntries(
    tree.counties.map((c) => [
      c.code,
      catalog
        .filter((p) => p.unitCode === c.code)
        .slice(0, n)
        .map((p) => p.id),
    ]),
  );
}

/** Townships and villages per county, for queries that fan out below a county. */
export function unitSamples(tree: CityTree): {
  city: string;
  counties: string[];
  townships: string[];
  villages: string[];
} {
  return {
    city: tree.city.code,
    counties: tree.counties.map((c) => c.code),
    townships: tree.units.filter((u) => u.tier === Tier.TOWNSHIP).map((u) => u.code),
    villages: tree.counties.flatMap((c) =>
      tree.villages
        .filter((v) => v.code.startsWith(c.code.slice(0, 6)))
        .slice(0, 3)
        .map((v) => v.code),
    ),
  };
}
