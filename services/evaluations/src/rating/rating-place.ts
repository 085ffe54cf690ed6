import { createHmac } from 'node:crypto';
import type { EventPayloads } from '@sunlight/shared';

/** A rating at or below this publishes `rating.low` (and so raises a LOW_RATING alert). */
export const LOW_RATING = 2;

/** Where a rating was given and by which channel: all a rating stores of its origin, never who gave it. */
export interface RatingPlace {
  source: 'CASE' | 'DEVICE';
  unitCode: string;
  departmentId: string;
  postId: string | null;
  powerId: string | null;
  stepNo: number | null;
  stageKey: string | null;
  deviceId: string | null;
}

/**
 * What makes a case's stage ratable once: the HMAC-SHA256 of `caseId:stepNo` under the service's
 * stage key (hex), so the stored key says nothing about the case to someone without the key.
 */
export function stageKeyOf(key: Uint8Array, caseId: string, stepNo: number): string {
  return createHmac('sha256', key).update(`${caseId}:${stepNo}`).digest('hex');
}

/** The local (UTC+8) date of an instant, as `rating.rated_on` stores it: `2026-03-01`. */
export function ratedOnOf(at: Date | number): string {
  return new Date(new Date(at).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The `rating.low` payload of rating `ratingId`: where and how badly, never who (no case, device or comment). */
export function lowRatingPayload(
  ratingId: string,
  r: RatingPlace & { score: number; tags: string[] },
): EventPayloads['rating.low'] {
  return {
    ratingId,
    unitCode: r.unitCode,
    departmentId: r.departmentId,
    postId: r.postId,
    powerId: r.powerId,
    stepNo: r.stepNo,
    score: r.score,
    tags: r.tags,
    source: r.source,
  };
}
