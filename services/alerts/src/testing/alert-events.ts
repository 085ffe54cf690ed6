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

/** A `case.checkpoint_blocked` event (one red-line breach: one refused request), as the cases service publishes it. */
export function aCheckpointBlocked(
  unitCode: string,
  caseId: string = randomUUID(),
  step = 2,
  paidTotal = 600_000,
): NewOutboxEvent<'case.checkpoint_blocked'> {
  return {
    topic: 'case.checkpoint_blocked',
    unitCode,
    aggregateId: caseId,
    payload: {
      caseId,
      number: `${unitCode}-2026-000002`,
      powerId: randomUUID(),
      powerVersion: 1,
      step,
      actor: 'leader-county',
      violations: [
        {
          checkpointId: randomUUID(),
          kind: 'PAYMENT_WITHIN_PROGRESS',
          legalBasis: '《保障中小企业款项支付条例》第九条',
          description: '累计拨付不得超过合同价乘以经监理确认的完成工程量比例',
          message: `payments of ${paidTotal} CNY in total exceed 500000 CNY`,
          values: { paidTotal, contractPrice: 1_000_000, progress: 0.5, allowed: 500_000 },
        },
      ],
    },
  };
}

/** A `case.calendar_not_loaded` or `complaint.calendar_not_loaded` event, as either service's clock publishes it. */
export function aCalendarNotLoaded(
  topic: 'case.calendar_not_loaded' | 'complaint.calendar_not_loaded',
  year: number,
  cityCode: string,
): NewOutboxEvent<'case.calendar_not_loaded' | 'complaint.calendar_not_loaded'> {
  return { topic, unitCode: cityCode, aggregateId: `calendar:${year}:${cityCode}`, payload: { year, cityCode } };
}
