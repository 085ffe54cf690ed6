import { registerEnumType } from 'type-graphql';

/** The hard rules (电子关卡) the cases service enforces on a step's transition. */
export enum CheckpointKind {
  /** Named materials must be attached before the step completes. Params: `attachments`. */
  REQUIRED_ATTACHMENTS = 'REQUIRED_ATTACHMENTS',
  /** A case amount (`field`) may not exceed `max` CNY. */
  AMOUNT_LIMIT = 'AMOUNT_LIMIT',
  /** Payments may not exceed the contract price times the completed share of the work. */
  PAYMENT_WITHIN_PROGRESS = 'PAYMENT_WITHIN_PROGRESS',
  /** One contract change at most `max` CNY, all changes together at most `maxRatio` of the price. */
  CONTRACT_CHANGE_LIMIT = 'CONTRACT_CHANGE_LIMIT',
  /** A penalty must lie within [`min`, `max`] CNY. */
  PENALTY_RANGE = 'PENALTY_RANGE',
  /** At least `days` working days between step `fromStepNo` and this step (e.g. a publicity period). */
  MIN_DAYS_BETWEEN_STEPS = 'MIN_DAYS_BETWEEN_STEPS',
}

registerEnumType(CheckpointKind, { name: 'CheckpointKind', description: 'Kind of hard rule (电子关卡) enforced on a step.' });

/** Parameters of a checkpoint; which ones are required depends on its kind. */
export interface CheckpointParams {
  attachments?: string[];
  field?: string;
  min?: number;
  max?: number;
  maxRatio?: number;
  fromStepNo?: number;
  days?: number;
}
