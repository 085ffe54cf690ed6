import { EVENT_SOURCES, type OutboxEvent } from '@sunlight/shared';

/** Alert levels, mildest first (the card levels). */
export type AlertLevelName = 'REMINDER' | 'YELLOW' | 'RED';

/** An alert a rule derived from an event. */
export interface NewAlert {
  kind:
    | 'CARD'
    | 'CHECKPOINT_BLOCKED'
    | 'LOW_RATING'
    | 'COMPLAINT_OVERDUE'
    | 'COMPLAINT_ESCALATED'
    | 'NOTICE_OVERDUE'
    | 'CALENDAR_NOT_LOADED';
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

/**
 * Turns a service's event into an alert, or null when it is not alert-worthy. Pure. Complaint
 * alerts carry who is accused (to keep them from the accused) and never who complained.
 */
export function alertFor(source: string, e: OutboxEvent): NewAlert | null {
  // Only an event from the outbox its contract names (not, say, an unknown topic) raises one.
  if (EVENT_SOURCES[e.topic] !== source) return null;
  const base = { accusedUnit: null, accusedDepartment: null, againstLeadership: false };
  switch (e.topic) {
    case 'case.card_raised': {
      const p = e.payload;
      const level = p.level;
      return {
        ...base,
        kind: 'CARD',
        level,
        unitCode: e.unitCode ?? '',
        subjectType: 'Case',
        subjectId: p.caseId,
        dedupeKey: `${p.caseId}:${p.step ?? 'case'}`,
        title: `${CARD_LABEL[level] ?? level}：办件 ${p.number}${p.step ? ` 第${p.step}步` : ''}超时`,
        details: { number: p.number, step: p.step, reason: p.reason, powerId: p.powerId, powerVersion: p.powerVersion },
      };
    }
    case 'case.checkpoint_blocked': {
      const p = e.payload;
      return {
        ...base,
        kind: 'CHECKPOINT_BLOCKED',
        level: 'YELLOW',
        unitCode: e.unitCode ?? '',
        subjectType: 'Case',
        subjectId: p.caseId,
        // Each refused request publishes one event (a retry of it none): every breach is an alert of its own.
        dedupeKey: `${p.caseId}:${p.step}:${e.id}`,
        title: `电子关卡拦截：办件 ${p.number} 第${p.step}步`,
        details: { number: p.number, step: p.step, actor: p.actor, violations: p.violations },
      };
    }
    case 'rating.low': {
      const p = e.payload;
      return {
        ...base,
        kind: 'LOW_RATING',
        level: p.score <= 1 ? 'YELLOW' : 'REMINDER',
        unitCode: p.unitCode,
        subjectType: 'Unit',
        subjectId: p.unitCode,
        dedupeKey: p.ratingId,
        title: `差评预警：${p.score === 1 ? '非常不满意' : '不满意'}`,
        details: {
          score: p.score,
          tags: p.tags,
          departmentId: p.departmentId,
          postId: p.postId,
          powerId: p.powerId,
          stepNo: p.stepNo,
        },
      };
    }
    case 'complaint.overdue':
    case 'complaint.escalated': {
      const p = e.payload;
      const escalated = e.topic === 'complaint.escalated';
      return {
        kind: escalated ? 'COMPLAINT_ESCALATED' : 'COMPLAINT_OVERDUE',
        level: escalated ? 'RED' : 'YELLOW',
        unitCode: p.handlerUnit,
        subjectType: 'Complaint',
        subjectId: p.complaintId,
        dedupeKey: `${p.complaintId}:${p.handlerUnit}:${p.stage}`,
        accusedUnit: p.accusedUnit || null,
        accusedDepartment: p.accusedDepartment || null,
        againstLeadership: p.againstLeadership,
        title: escalated ? `投诉升级：${p.number} 逾期未办，已移交上级` : `投诉办理超时：${p.number}`,
        details: { number: p.number, category: p.category, stage: p.stage, from: 'from' in p ? p.from : undefined },
      };
    }
    case 'notice.overdue': {
      const p = e.payload;
      return {
        ...base,
        kind: 'NOTICE_OVERDUE',
        level: 'YELLOW',
        unitCode: p.unitCode,
        subjectType: 'Notice',
        subjectId: p.noticeId,
        dedupeKey: p.noticeId,
        title: `整改逾期：${p.number}`,
        details: { number: p.number, issuerUnit: p.issuerUnit },
      };
    }
    case 'case.calendar_not_loaded':
    case 'complaint.calendar_not_loaded': {
      const p = e.payload;
      return {
        ...base,
        kind: 'CALENDAR_NOT_LOADED',
        level: 'RED',
        unitCode: p.cityCode,
        subjectType: 'Unit',
        subjectId: p.cityCode,
        // One per year and city, whichever service's clock found the gap first.
        dedupeKey: `${p.year}:${p.cityCode}`,
        title: `工作日历缺少 ${p.year} 年节假日安排：相关时限暂按双休日计算，请载入国务院办公厅 ${p.year} 年节假日通知`,
        details: { year: p.year, cityCode: p.cityCode },
      };
    }
    default:
      return null;
  }
}
