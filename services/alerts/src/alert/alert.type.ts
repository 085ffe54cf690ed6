import { PageInfo } from '@sunlight/shared';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { CaseTrendInput, ComplaintTrendInput, SatisfactionTrendInput } from '../risk/risk-inputs';
import { AlertDetails, type AlertDetailsValue } from './alert-details.type';
import { CaseTrendRef, ComplaintTrendRef, SatisfactionTrendRef } from '../risk/risk-inputs.type';

export enum AlertLevel {
  REMINDER = 'REMINDER',
  YELLOW = 'YELLOW',
  RED = 'RED',
}
registerEnumType(AlertLevel, { name: 'AlertLevel', description: '提醒 REMINDER < 黄 YELLOW < 红 RED.' });

export enum AlertKind {
  CARD = 'CARD',
  CHECKPOINT_BLOCKED = 'CHECKPOINT_BLOCKED',
  LOW_RATING = 'LOW_RATING',
  COMPLAINT_OVERDUE = 'COMPLAINT_OVERDUE',
  COMPLAINT_ESCALATED = 'COMPLAINT_ESCALATED',
  NOTICE_OVERDUE = 'NOTICE_OVERDUE',
  CALENDAR_NOT_LOADED = 'CALENDAR_NOT_LOADED',
}
registerEnumType(AlertKind, {
  name: 'AlertKind',
  description:
    'What raised the alert: a case card, a blocked checkpoint, a low rating, a complaint overdue or escalated, a notice overdue, a year missing from the working calendar (administrators only).',
});

export enum AlertStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  DISPOSED = 'DISPOSED',
}
registerEnumType(AlertStatus, { name: 'AlertStatus' });

export enum DisposalKind {
  DISMISSED = 'DISMISSED',
  NOTICE_ISSUED = 'NOTICE_ISSUED',
  ACCOUNTABILITY_STARTED = 'ACCOUNTABILITY_STARTED',
}
registerEnumType(DisposalKind, {
  name: 'DisposalKind',
  description: '排除 DISMISSED, 已发建议书 NOTICE_ISSUED, 启动问责 ACCOUNTABILITY_STARTED.',
});

@Directive('@key(fields: "id")')
@ObjectType('Case')
export class CaseRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Complaint')
export class ComplaintRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Notice')
export class NoticeRef {
  @Field(() => ID)
  id: string;
}

@Directive('@key(fields: "code")')
@ObjectType('Unit')
export class UnitRef {
  @Field(() => ID)
  code: string;

  // Owned by other subgraphs; present when the gateway resolves a field that requires them.
  @Directive('@external')
  @Field(() => CaseTrendRef, { nullable: true })
  caseTrend?: CaseTrendInput;

  @Directive('@external')
  @Field(() => SatisfactionTrendRef, { nullable: true })
  satisfactionTrend?: SatisfactionTrendInput;

  @Directive('@external')
  @Field(() => ComplaintTrendRef, { nullable: true })
  complaintTrend?: ComplaintTrendInput;
}

@ObjectType()
export class Disposal {
  @Field(() => DisposalKind)
  kind: DisposalKind;

  @Field()
  note: string;

  @Field()
  by: string;

  @Field()
  at: Date;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: "An alert (预警) raised from another service's event, to be acknowledged and disposed of (处置).",
})
export class Alert {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Position in the alert stream; subscriptions resume after an alert.' })
  seq: string;

  @Field(() => AlertKind)
  kind: AlertKind;

  @Field(() => AlertLevel)
  level: AlertLevel;

  @Field(() => UnitRef, { nullable: true }) // the unit's fields come from other subgraphs
  unit: UnitRef;

  @Field({ description: 'Case, Complaint, Notice or Unit: which of the subject fields is set.' })
  subjectType: string;

  @Field(() => CaseRef, { nullable: true })
  case: CaseRef | null;

  @Field(() => ComplaintRef, { nullable: true })
  complaint: ComplaintRef | null;

  @Field(() => NoticeRef, { nullable: true })
  notice: NoticeRef | null;

  @Field()
  title: string;

  @Field(() => AlertDetails, { description: 'What raised the alert: one object type per kind of alert.' })
  details: AlertDetailsValue;

  @Field()
  raisedAt: Date;

  @Field(() => AlertStatus)
  status: AlertStatus;

  @Field(() => Disposal, { nullable: true })
  disposal: Disposal | null;
}

@ObjectType()
export class AlertEdge {
  @Field(() => Alert)
  node: Alert;

  @Field()
  cursor: string;
}

@ObjectType()
export class AlertConnection {
  @Field(() => [AlertEdge])
  edges: AlertEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType({ description: 'Alert filters; also the filter of the alertRaised subscription.' })
export class AlertFilter {
  @Field(() => AlertLevel, { nullable: true, description: 'This level and above.' })
  minLevel?: AlertLevel;

  @Field(() => [AlertKind], { nullable: true })
  kinds?: AlertKind[];

  @Field(() => ID, { nullable: true, description: "Only alerts of this unit's subtree (within your scope)." })
  unit?: string;

  @Field(() => AlertStatus, { nullable: true })
  status?: AlertStatus;

  @Field({ nullable: true })
  from?: Date;

  @Field({ nullable: true })
  to?: Date;
}

@Directive('@inaccessible')
@ObjectType({ description: 'What the gateway needs to route a new alert to subscribers (service callers only).' })
export class AlertFeedItem {
  @Field(() => ID)
  id: string;

  @Field()
  seq: string;

  @Field()
  kind: string;

  @Field()
  level: string;

  @Field()
  unitCode: string;

  @Field(() => String, { nullable: true })
  accusedUnit: string | null;

  @Field(() => String, { nullable: true })
  accusedDepartment: string | null;

  @Field()
  againstLeadership: boolean;

  @Field()
  raisedAt: Date;
}

export const LEVEL_RANK: Record<AlertLevel, number> = { REMINDER: 1, YELLOW: 2, RED: 3 };
export const FEED_LIMIT = 500;
