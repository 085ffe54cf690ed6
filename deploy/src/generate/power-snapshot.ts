import { powerSnapshot } from '@sunlight/cases';
import type { CatalogPower } from './catalog-power';

/**
 * The `power_snapshot` the cases service stores when a case is filed under `p` (version 1), as
 * its own `powerSnapshot` lays it out. Every post of a generated flow belongs to the power's
 * department.
 */
export function powerSnapshotJson(p: CatalogPower): string {
  return JSON.stringify(
    powerSnapshot({ ...p, version: 1, flow: p.flow.map((s) => ({ ...s, departmentId: p.departmentId })) }),
  );
}
