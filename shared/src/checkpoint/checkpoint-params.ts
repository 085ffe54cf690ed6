/**
 * Parameters of a checkpoint; which ones a rule needs depends on its kind (see each
 * {@link CheckpointKind} member):
 * - `REQUIRED_ATTACHMENTS`: `attachments` (names of materials);
 * - `AMOUNT_LIMIT`: `field` (a CNY field of the case's amounts) and `max` (CNY);
 * - `PAYMENT_WITHIN_PROGRESS`: none;
 * - `CONTRACT_CHANGE_LIMIT`: `max` (CNY, one change) and `maxRatio` (share of the price, all changes);
 * - `PENALTY_RANGE`: `min` and `max` (CNY);
 * - `MIN_DAYS_BETWEEN_STEPS`: `fromStepNo` (an earlier step) and `days` (working days).
 */
export interface CheckpointParams {
  attachments?: string[];
  field?: string;
  min?: number;
  max?: number;
  maxRatio?: number;
  fromStepNo?: number;
  days?: number;
}
