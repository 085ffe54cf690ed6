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
