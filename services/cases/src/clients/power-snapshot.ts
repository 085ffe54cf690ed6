import type { CheckpointRule } from '../checkpoint/checkpoint-rule';

/** One step of the flow as filed: what a case runs under even after the power changes. */
export interface SnapshotStep {
  stepNo: number;
  name: string;
  postId: string | null;
  /** The department of the step's post (or of the power when the step names no post). */
  departmentId: string;
  timeLimitDays: number;
}

/** The power version a case was filed under, copied once from the powers service. */
export interface PowerSnapshot {
  id: string;
  version: number;
  code: string;
  name: string;
  category: string;
  unitCode: string;
  departmentId: string;
  statutoryDays: number;
  promisedDays: number;
  flow: SnapshotStep[];
  checkpoints: CheckpointRule[];
}

/**
 * A copy of `p` holding exactly the snapshot's fields, in the key order every stored
 * `power_snapshot` has: the powers client builds a filing's snapshot with it, and the city
 * generator writes the same JSON text through it.
 */
export function powerSnapshot(p: PowerSnapshot): PowerSnapshot {
  return {
    id: p.id,
    version: p.version,
    code: p.code,
    name: p.name,
    category: p.category,
    unitCode: p.unitCode,
    departmentId: p.departmentId,
    statutoryDays: p.statutoryDays,
    promisedDays: p.promisedDays,
    flow: p.flow.map((s) => ({
      stepNo: s.stepNo,
      name: s.name,
      timeLimitDays: s.timeLimitDays,
      postId: s.postId,
      departmentId: s.departmentId,
    })),
    checkpoints: p.checkpoints.map((c) => ({
      id: c.id,
      stepNo: c.stepNo,
      kind: c.kind,
      params: c.params,
      legalBasis: c.legalBasis,
      description: c.description,
    })),
  };
}
