import type { CheckpointKindName, CheckpointParams } from '@sunlight/shared';

/**
 * A checkpoint of the power version a case was filed under, checked when a case leaves step
 * `stepNo`. Its kind and params are the catalog's (`CheckpointKind`, `CheckpointParams`), as
 * the power snapshot stored them.
 */
export interface CheckpointRule {
  id: string;
  stepNo: number;
  kind: CheckpointKindName;
  params: CheckpointParams;
  legalBasis: string;
  description: string;
}
