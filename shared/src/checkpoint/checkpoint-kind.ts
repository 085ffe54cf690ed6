/**
 * The hard rules (电子关卡) a step of a power's flow can carry: declared by the powers catalog,
 * snapshotted into every case filed under a power version, enforced by the cases service on a
 * step's transition. Which {@link CheckpointParams} each kind reads is said on its member.
 */
export enum CheckpointKind {
  /** Named materials must be attached before the step completes. Params: `attachments`. */
  REQUIRED_ATTACHMENTS = 'REQUIRED_ATTACHMENTS',
  /** A case amount (`field`, a CNY figure) may not exceed `max` CNY. */
  AMOUNT_LIMIT = 'AMOUNT_LIMIT',
  /** Payments may not exceed the contract price times the completed share of the work. No params. */
  PAYMENT_WITHIN_PROGRESS = 'PAYMENT_WITHIN_PROGRESS',
  /** One contract change at most `max` CNY, all changes together at most `maxRatio` of the price. */
  CONTRACT_CHANGE_LIMIT = 'CONTRACT_CHANGE_LIMIT',
  /** A penalty must lie within [`min`, `max`] CNY. */
  PENALTY_RANGE = 'PENALTY_RANGE',
  /** At least `days` working days between step `fromStepNo` and this step (e.g. a publicity period). */
  MIN_DAYS_BETWEEN_STEPS = 'MIN_DAYS_BETWEEN_STEPS',
}
