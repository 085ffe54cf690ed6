import type { CheckpointKindName } from './checkpoint-kind-name';

/**
 * A checkpoint that refuses a case's transition, with the figures it judged (null where one is
 * missing). The cases service reports it in the error and in the `case.checkpoint_blocked` event.
 */
export interface CheckpointViolation {
  checkpointId: string;
  kind: CheckpointKindName;
  legalBasis: string;
  description: string;
  /** What was wrong, in English, ending with the legal basis. */
  message: string;
  values: Record<string, number | string | null>;
}
