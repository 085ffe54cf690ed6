import type { CheckpointKind, CheckpointParams } from '@sunlight/shared';
import type { PowerCategory } from './power-category';

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
  flow: { name: string; postId: string | null; timeLimitDays: number; description: string }[];
  riskPoints: { id: string; stepNo: number | null; level: number; description: string; measures: string[] }[];
  efficiencyPoints: { id: string; stepNo: number | null; description: string; timeLimitDays: number | null }[];
  checkpoints: {
    id: string;
    stepNo: number;
    kind: CheckpointKind;
    params: CheckpointParams;
    legalBasis: string;
    description: string;
  }[];
}
