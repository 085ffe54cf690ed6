import type { CheckpointKind, CheckpointParams } from '@sunlight/shared';
import type { PowerCategory } from './power-category';

/** A step of a power's flow, in order. */
export interface PowerStepContent {
  name: string;
  postId: string | null;
  timeLimitDays: number;
  description: string;
}

/** A 廉政风险点 of a power: on step `stepNo`, or on the whole power when null. */
export interface RiskPointContent {
  id: string;
  stepNo: number | null;
  level: number;
  description: string;
  measures: string[];
}

/** A 效能节点 of a power: on step `stepNo`, or on the whole power when null. */
export interface EfficiencyPointContent {
  id: string;
  stepNo: number | null;
  description: string;
  timeLimitDays: number | null;
}

/** An electronic checkpoint (电子关卡) on leaving step `stepNo`. */
export interface CheckpointContent {
  id: string;
  stepNo: number;
  kind: CheckpointKind;
  params: CheckpointParams;
  legalBasis: string;
  description: string;
}

/** Everything one version of a power holds; what is validated and written as a whole. */
export interface PowerContent {
  name: string;
  category: PowerCategory;
  legalBasis: string;
  departmentId: string;
  postId: string | null;
  conditions: string;
  fees: string;
  statutoryDays: number;
  promisedDays: number;
  supervisorDepartmentId: string | null;
  /** Held by the unit's principal leader (一把手职权). */
  principalLeader: boolean;
  flow: PowerStepContent[];
  riskPoints: RiskPointContent[];
  efficiencyPoints: EfficiencyPointContent[];
  checkpoints: CheckpointContent[];
}
