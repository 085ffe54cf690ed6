import { randomUUID } from 'node:crypto';
import type { NewOutboxEvent } from '@sunlight/shared';

/** A `case.card_raised` event of a case of `unitCode`, as the cases service publishes it. */
export function aCardRaised(
  unitCode: string,
  level: 'REMINDER' | 'YELLOW' | 'RED',
  caseId: string = randomUUID(),
  step: number | null = 1,
): NewOutboxEvent<'case.card_raised'> {
  return {
    topic: 'case.card_raised',
    unitCode,
    aggregateId: caseId,
    payload: {
      caseId,
      number: `${unitCode}-2026-000001`,
      powerId: randomUUID(),
      powerVersion: 1,
      level,
      step,
      reason: `step ${step} is overdue`,
      hash: 'a'.repeat(64),
    },
  };
}

/** A `complaint.overdue` event, as the complaints service publishes it (accused and handler, never the complainant). */
export function aComplaintOverdue(
  c: { handlerUnit: string; accusedUnit: string; againstLeadership: boolean; accusedDepartment?: string | null },
  complaintId: string = randomUUID(),
): NewOutboxEvent<'complaint.overdue'> {
  return {
    topic: 'complaint.overdue',
    unitCode: c.handlerUnit,
    aggregateId: complaintId,
    payload: {
      complaintId,
      number: 'TS2026-000001',
      category: 'INACTION',
      accusedUnit: c.accusedUnit,
      accusedDepartment: c.accusedDepartment ?? null,
      againstLeadership: c.againstLeadership,
      handlerUnit: c.handlerUnit,
      stage: 'ACCEPT',
      elapsed: 16,
      limit: 15,
    },
  };
}

/** A `rating.low` event, as the evaluations service publishes it. */
export function aLowRating(unitCode: string, score: 1 | 2): NewOutboxEvent<'rating.low'> {
  const ratingId = randomUUID();
  return {
    topic: 'rating.low',
    unitCode,
    aggregateId: ratingId,
    payload: {
      ratingId,
      unitCode,
      departmentId: randomUUID(),
      postId: null,
      powerId: null,
      stepNo: 1,
      score,
      tags: [],
      source: 'CASE',
    },
  };
}
