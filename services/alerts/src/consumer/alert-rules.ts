import type { OutboxEvent } from '@sunlight/shared';

/** Alert levels, mildest first (the card levels). */
export type AlertLevelName = 'REMINDER' | 'YELLOW' | 'RED';

/** An alert a rule derived from an event. */
export interface NewAlert {
  kind: 'CARD' | 'CHECKPOINT_BLOCKED' | 'LOW_RATING' | 'COMPLAINT_OVERDUE' | 'COMPLAINT_ESCALATED' | 'NOTICE_OVERDUE';
  level: AlertLevelName;
  unitCode: string;
  subjectType: 'Case' | 'Complaint' | 'Notice' | 'Unit';
  subjectId: string;
  /** With kind and level, what makes the alert unique: a repeated event does not repeat it. */
  dedupeKey: string;
  accusedUnit: string | null;
  accusedDepartment: string | null;
  againstLeadership: boolean;
  title: string;
  details: Record<string, unknown>;
}

const CARD_LABEL: Record<string, string> = { REMINDER: '提醒', YELLOW: '黄牌', RED: '红牌' };
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));

/**
 * Turns a service's event into an alert, or null when it is not alert-worthy. Pure. Complaint
 * alerts carry who is accused (to keep them from the accused) and never who complained.
 */
export function alertFor(source: string, e: OutboxEvent): NewAlert | null {
  const p = e.payload;
  const base = { accusedUnit: null, accusedDepartment: null, againstLeadership: false };
  switch (`${source}:${e.topic}`) {
    case 'cases:case.card_raised': {
      const level = str(p['level']) as AlertLevelName;
      return {
        ...base,
        kind: 'CARD',
        level,
        unitCode: str(e.unitCode),
        subjectType: 'Case',
        subjectId: str(p['caseId']),
        dedupeKey: `${str(p['caseId'])}:${p['step'] ?? 'case'}`,
        title: `${CARD_LABEL[level] ?? level}：办件 ${str(p['number'])}${p['step'] ? ` 第${str(p['step'])}步` : ''}超时`,
        details: { number: p['number'], step: p['step'], reason: p['reason'], powerId: p['powerId'], powerVersion: p['powerVersion'] },
      };
    }
    case 'cases:case.checkpoint_blocked':
      return {
        ...base,
        kind: 'CHECKPOINT_BLOCKED',
        level: 'YELLOW',
        unitCode: str(e.unitCode),
        subjectType: 'Case',
        subjectId: str(p['caseId']),
        dedupeKey: `${str(p['caseId'])}:${str(p['step'])}`,
        title: `电子关卡拦截：办件 ${str(p['number'])} 第${str(p['step'])}步`,
        details: { number: p['number'], step: p['step'], actor: p['actor'], violations: p['violations'] },
      };
    case 'evaluations:rating.low': {
      const score = Number(p['score']);
      return {
        ...base,
        kind: 'LOW_RATING',
        level: score <= 1 ? 'YELLOW' : 'REMINDER',
        unitCode: str(p['unitCode']),
        subjectType: 'Unit',
        subjectId: str(p['unitCode']),
        dedupeKey: str(p['ratingId']),
        title: `差评预警：${score === 1 ? '非常不满意' : '不满意'}`,
        details: { score, tags: p['tags'], departmentId: p['departmentId'], postId: p['postId'], powerId: p['powerId'], stepNo: p['stepNo'] },
      };
    }
    case 'complaints:complaint.overdue':
    case 'complaints:complaint.escalated': {
      const escalated = e.topic === 'complaint.escalated';
      return {
        kind: escalated ? 'COMPLAINT_ESCALATED' : 'COMPLAINT_OVERDUE',
        level: escalated ? 'RED' : 'YELLOW',
        unitCode: str(p['handlerUnit']),
        subjectType: 'Complaint',
        subjectId: str(p['complaintId']),
        dedupeKey: `${str(p['complaintId'])}:${str(p['handlerUnit'])}:${str(p['stage'])}`,
        accusedUnit: p['accusedUnit'] ? str(p['accusedUnit']) : null,
        accusedDepartment: p['accusedDepartment'] ? str(p['accusedDepartment']) : null,
        againstLeadership: p['againstLeadership'] === true,
        title: escalated ? `投诉升级：${str(p['number'])} 逾期未办，已移交上级` : `投诉办理超时：${str(p['number'])}`,
        details: { number: p['number'], category: p['category'], stage: p['stage'], from: p['from'] },
      };
    }
    case 'complaints:notice.overdue':
      return {
        ...base,
        kind: 'NOTICE_OVERDUE',
        level: 'YELLOW',
        unitCode: str(p['unitCode']),
        subjectType: 'Notice',
        subjectId: str(p['noticeId']),
        dedupeKey: str(p['noticeId']),
        title: `整改逾期：${str(p['number'])}`,
        details: { number: p['number'], issuerUnit: p['issuerUnit'] },
      };
    default:
      return null;
  }
}
