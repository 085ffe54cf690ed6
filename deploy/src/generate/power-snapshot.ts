import type { CatalogPower } from './catalog-power';

/**
 * The `power_snapshot` the cases service stores when a case is filed under `p` (see its
 * PowersClient): the flow with each step's post and department, and the checkpoints, in the
 * same shape and key order.
 */
export function powerSnapshotJson(p: CatalogPower): string {
  return JSON.stringify({
    id: p.id,
    version: 1,
    code: p.code,
    name: p.name,
    category: p.category,
    unitCode: p.unitCode,
    departmentId: p.departmentId,
    statutoryDays: p.statutoryDays,
    promisedDays: p.promisedDays,
    // Every post of a generated flow belongs to the power's department.
    flow: p.flow.map((s) => ({
      stepNo: s.stepNo,
      name: s.name,
      timeLimitDays: s.timeLimitDays,
      postId: s.postId,
      departmentId: p.departmentId,
    })),
    checkpoints: p.checkpoints.map((c) => ({
      id: c.id,
      stepNo: c.stepNo,
      kind: c.kind,
      params: c.params,
      legalBasis: c.legalBasis,
      description: c.description,
    })),
  });
}
