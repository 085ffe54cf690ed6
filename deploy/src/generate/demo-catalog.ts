import { powerSnapshot } from '@sunlight/cases';
import type { DemoData } from '@sunlight/powers';
import { Tier } from '@sunlight/shared';
import { QuotedText } from './bulk-writer';
import type { CatalogPower } from './catalog-power';
import type { CityTree, CityUnit } from './city-units';
import { minimumDays } from './case-durations';
import { CATEGORY_USE } from './power-catalog';
import type { Random } from './random';

/** Short flows dominate real volumes. */
const FLOW_USE: Record<number, number> = { 3: 6, 4: 1.5, 5: 0.5 };

/** The demo city's unit tree in the shape the generator walks (the demo lists it depth-first). */
export function demoTree(demo: DemoData): CityTree {
  const units: CityUnit[] = demo.units.map((u) => ({ ...u }));
  const children = new Map<string, CityUnit[]>();
  for (const u of units) if (u.parentCode) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u]);
  const ofTier = (tier: Tier) => units.filter((u) => u.tier === tier);
  return {
    units,
    city: ofTier(Tier.CITY)[0]!,
    counties: ofTier(Tier.COUNTY),
    townships: ofTier(Tier.TOWNSHIP),
    villages: ofTier(Tier.VILLAGE),
    byCode: new Map(units.map((u) => [u.code, u])),
    childrenOf: (code) => children.get(code) ?? [],
  };
}

/**
 * The demo's published powers, exactly as the powers service seeds them (same ids, version 1), as
 * the generator's {@link CatalogPower}: a popularity weight, and the `power_snapshot` a case filed
 * under it stores (each step in its post's department, as the cases service's powers client reads it).
 * A power whose publicity rule holds a step longer than its limit is used rarely: its cases run late.
 */
export function demoCatalog(demo: DemoData, random: Random): CatalogPower[] {
  const departmentOfPost = new Map(demo.posts.map((p) => [p.id, p.departmentId]));
  return demo.powers.map((d) => {
    const supervisor = d.supervisorDepartmentId;
    if (supervisor === null) throw new Error(`demo power ${d.unitCode}/${d.code} has no supervising department`);
    const p: CatalogPower = {
      ...d,
      supervisorDepartmentId: supervisor,
      flow: d.flow.map((s) => ({ ...s })),
      weight: 0,
      snapshotText: new QuotedText(''),
    };
    const cramped = p.flow.some((s) => minimumDays(p, s.stepNo) > s.timeLimitDays);
    p.weight =
      (CATEGORY_USE[p.category] ?? 1) *
      (FLOW_USE[p.flow.length] ?? 0.5) *
      (cramped ? 0.02 : 1) *
      Math.exp(0.8 * random.normal());
    const snapshot = powerSnapshot({
      ...p,
      version: 1,
      flow: p.flow.map((s) => ({
        ...s,
        departmentId: (s.postId && departmentOfPost.get(s.postId)) || p.departmentId,
      })),
    });
    p.snapshotText = new QuotedText(JSON.stringify(snapshot));
    return p;
  });
}
