import type { BulkWriter } from './bulk-writer';
import type { CatalogPower } from './catalog-power';
import type { CityTree } from './city-units';
import type { Organization } from './organization';
import { TABLES } from './table-specs';

/** A text[] literal: each element double-quoted, quotes and backslashes escaped. */
function textArray(items: readonly string[]): string {
  return `{${items.map((m) => `"${m.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * Writes the unit tree, departments, posts, accounts and the published catalog (version 1 of
 * every power with its flow, risk points, efficiency points and checkpoints), as the powers
 * service's own seed writes them. `at` is when they were created and published.
 */
export function writeCatalog(
  w: BulkWriter,
  tree: CityTree,
  org: Organization,
  catalog: readonly CatalogPower[],
  at: string,
): void {
  for (const u of tree.units) w.add(TABLES.unit, [u.code, u.name, u.tier, u.parentCode, at]);
  for (const d of org.departments) w.add(TABLES.department, [d.id, d.unitCode, d.code, d.name, d.supervisory]);
  for (const p of org.posts) w.add(TABLES.post, [p.id, p.departmentId, p.code, p.name]);
  for (const a of org.accounts) w.add(TABLES.account, [a.subject, a.name, a.role, a.unitCode, a.departmentId]);
  for (const p of catalog) {
    w.add(TABLES.power, [p.id, p.unitCode, p.code, 'PUBLISHED', 1, 1, 'seed', at, at]);
    w.add(TABLES.powerVersion, [
      p.id,
      1,
      'PUBLISHED',
      p.name,
      p.category,
      p.legalBasis,
      p.departmentId,
      p.postId,
      p.conditions,
      p.fees,
      p.statutoryDays,
      p.promisedDays,
      p.supervisorDepartmentId,
      p.principalLeader,
      'seed',
      at,
      at,
    ]);
    for (const s of p.flow)
      w.add(TABLES.flowStep, [p.id, 1, s.stepNo, s.name, s.postId, s.timeLimitDays, s.description]);
    for (const r of p.riskPoints)
      w.add(TABLES.riskPoint, [p.id, 1, r.id, r.stepNo, r.level, r.description, textArray(r.measures)]);
    for (const e of p.efficiencyPoints)
      w.add(TABLES.efficiencyPoint, [p.id, 1, e.id, e.stepNo, e.description, e.timeLimitDays]);
    for (const c of p.checkpoints)
      w.add(TABLES.checkpoint, [
        p.id,
        1,
        c.id,
        c.stepNo,
        c.kind,
        JSON.stringify(c.params),
        c.legalBasis,
        c.description,
      ]);
  }
}
