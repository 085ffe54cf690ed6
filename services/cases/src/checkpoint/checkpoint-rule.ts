/**
 * The kinds of hard rule (电子关卡) a step can carry, as the powers catalog defines them. Re-declared
 * here because the cases service does not depend on the powers package.
 */
export type CheckpointKindName =
  | 'REQUIRED_ATTACHMENTS'
  | 'AMOUNT_LIMIT'
  | 'PAYMENT_WITHIN_PROGRESS'
  | 'CONTRACT_CHANGE_LIMIT'
  | 'PENALTY_RANGE'
  | 'MIN_DAYS_BETWEEN_STEPS';

/**
 * A checkpoint of the power version a case was filed under, checked when a case leaves step
 * `stepNo`. Which params are required depends on the kind:
 * - `REQUIRED_ATTACHMENTS`: `attachments` (names of materials);
 * - `AMOUNT_LIMIT`: `field` (a CNY field of the case's amounts) and `max` (CNY);
 * - `PAYMENT_WITHIN_PROGRESS`: none;
 * - `CONTRACT_CHANGE_LIMIT`: `max` (CNY, one change) and `maxRatio` (share of the price, all changes);
 * - `PENALTY_RANGE`: `min` and `max` (CNY);
 * - `MIN_DAYS_BETWEEN_STEPS`: `fromStepNo` (an earlier step) and `days` (working days).
 */
export interface CheckpointRule {
  id: string;
  stepNo: number;
  kind: CheckpointKindName;
  params: { attachments?: string[]; field?: string; min?: number; max?: number; maxRatio?: number; fromStepNo?: number; days?: number };
  legalBasis: string;
  description: string;
}
