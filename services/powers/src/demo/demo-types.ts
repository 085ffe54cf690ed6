import type { Role, Tier } from '@sunlight/shared';
import type {
  CheckpointContent,
  EfficiencyPointContent,
  PowerContent,
  PowerStepContent,
  RiskPointContent,
} from '../power/power-content';

/** An administrative division of the demo city. */
export interface DemoUnit {
  code: string;
  name: string;
  tier: Tier;
  parentCode: string | null;
}

/** A department (部门) of a unit. */
export interface DemoDepartment {
  id: string;
  unitCode: string;
  code: string;
  name: string;
  /** true for the discipline-inspection body (纪委监委/纪检组/村务监督委员会) */
  supervisory: boolean;
}

/** A post (岗位) of a department. */
export interface DemoPost {
  id: string;
  departmentId: string;
  code: string;
  name: string;
}

/** A seeded person able to sign in; `subject` is `${role.toLowerCase()}.${unitCode}`. */
export interface DemoAccount {
  subject: string;
  name: string;
  role: Role;
  unitCode: string;
  departmentId: string | null;
}

export interface DemoFlowStep extends PowerStepContent {
  stepNo: number;
}

/** A 廉政风险点: level 1 = red (highest), 2 = orange, 3 = yellow. */
export interface DemoRiskPoint extends RiskPointContent {
  level: 1 | 2 | 3;
}

export type DemoEfficiencyPoint = EfficiencyPointContent;

export type DemoCheckpoint = CheckpointContent;

/** A seeded power: the content of its one published version, plus its identity. */
export interface DemoPower extends PowerContent {
  id: string;
  unitCode: string;
  code: string;
  flow: DemoFlowStep[];
  riskPoints: DemoRiskPoint[];
  efficiencyPoints: DemoEfficiencyPoint[];
  checkpoints: DemoCheckpoint[];
}

export interface DemoData {
  units: DemoUnit[];
  departments: DemoDepartment[];
  posts: DemoPost[];
  accounts: DemoAccount[];
  powers: DemoPower[];
}
