import type { CheckpointKindName } from './checkpoint-rule';

/** A checkpoint that refuses a transition, with the figures it judged (null where one is missing). */
export interface CheckpointViolation {
  checkpointId: string;
  kind: CheckpointKindName;
  legalBasis: string;
  description: string;
  /** What was wrong, in English, ending with the legal basis. */
  message: string;
  values: Record<string, number | string | null>;
}
