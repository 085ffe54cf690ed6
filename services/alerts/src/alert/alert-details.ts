import {
  AlertCheckpointViolation,
  CalendarAlertDetails,
  CardAlertDetails,
  CheckpointAlertDetails,
  ComplaintAlertDetails,
  NoticeAlertDetails,
  RatingAlertDetails,
  type AlertDetailsValue,
} from './alert-details.type';
import { AlertKind } from './alert.type';

type Stored = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const whole = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/**
 * The stored details of an alert (jsonb, as the alert rules wrote them) as the object type of its
 * kind. A figure absent from an old row reads as null or empty, never as another kind's shape.
 */
export function alertDetails(kind: AlertKind, stored: unknown): AlertDetailsValue {
  const d: Stored = stored !== null && typeof stored === 'object' ? (stored as Stored) : {};
  switch (kind) {
    case AlertKind.CARD:
      return Object.assign(new CardAlertDetails(), {
        number: text(d['number']),
        step: whole(d['step']),
        reason: text(d['reason']),
        powerId: text(d['powerId']),
        powerVersion: whole(d['powerVersion']) ?? 0,
      });
    case AlertKind.CHECKPOINT_BLOCKED:
      return Object.assign(new CheckpointAlertDetails(), {
        number: text(d['number']),
        step: whole(d['step']) ?? 0,
        actor: text(d['actor']),
        violations: (Array.isArray(d['violations']) ? (d['violations'] as Stored[]) : []).map((v) =>
          Object.assign(new AlertCheckpointViolation(), {
            checkpointId: text(v['checkpointId']),
            kind: text(v['kind']),
            legalBasis: text(v['legalBasis']),
            description: text(v['description']),
            message: text(v['message']),
            values:
              v['values'] !== null && typeof v['values'] === 'object'
                ? (v['values'] as Record<string, number | string | null>)
                : {},
          }),
        ),
      });
    case AlertKind.LOW_RATING:
      return Object.assign(new RatingAlertDetails(), {
        score: whole(d['score']) ?? 0,
        tags: Array.isArray(d['tags']) ? d['tags'].filter((t): t is string => typeof t === 'string') : [],
        departmentId: textOrNull(d['departmentId']),
        postId: textOrNull(d['postId']),
        powerId: textOrNull(d['powerId']),
        stepNo: whole(d['stepNo']),
      });
    case AlertKind.COMPLAINT_OVERDUE:
    case AlertKind.COMPLAINT_ESCALATED:
      return Object.assign(new ComplaintAlertDetails(), {
        number: text(d['number']),
        category: text(d['category']),
        stage: text(d['stage']),
        from: textOrNull(d['from']),
      });
    case AlertKind.NOTICE_OVERDUE:
      return Object.assign(new NoticeAlertDetails(), {
        number: text(d['number']),
        issuerUnit: text(d['issuerUnit']),
      });
    case AlertKind.CALENDAR_NOT_LOADED:
      return Object.assign(new CalendarAlertDetails(), {
        year: whole(d['year']) ?? 0,
        cityCode: text(d['cityCode']),
      });
  }
}
