import type { CheckpointKind, CheckpointParams } from '@sunlight/shared';
import type { QuotedText } from './bulk-writer';

/** A step of a generated power's flow. */
export interface CatalogStep {
  stepNo: number;
  name: string;
  postId: string | null;
  timeLimitDays: number;
  description: string;
}

/** A checkpoint of a generated power, as the powers catalog stores it. */
export interface CatalogCheckpoint {
  id: string;
  stepNo: number;
  kind: CheckpointKind;
  params: CheckpointParams;
  legalBasis: string;
  description: string;
}

/** A published power of the generated catalog (version 1), with what case generation needs. */
export interface CatalogPower {
  id: string;
  unitCode: string;
  code: string;
  name: string;
  category: string;
  legalBasis: string;
  departmentId: string;
  postId: string | null;
  conditions: string;
  fees: string;
  statutoryDays: number;
  promisedDays: number;
  supervisorDepartmentId: string;
  flow: CatalogStep[];
  riskPoints: { id: string; stepNo: number | null; level: number; description: string; measures: string[] }[];
  efficiencyPoints: { id: string; stepNo: number | null; description: string; timeLimitDays: number | null }[];
  checkpoints: CatalogCheckpoint[];
  /** Relative popularity: how many cases it gets compared with the unit's other powers. */
  weight: number;
  /** The case's `power_snapshot` as the cases service stores it, serialised and quoted once (every case of the power carries it). */
  snapshotText: QuotedText;
}
