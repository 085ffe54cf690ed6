import { PageInfo } from '@sunlight/shared';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { CaseRow } from './case-row';
import { CaseOutcome } from './case.input';

/** Lifecycle of a case. */
export enum CaseStatus {
  RECEIVED = 'RECEIVED',
  IN_PROGRESS = 'IN_PROGRESS',
  SUSPENDED = 'SUSPENDED',
  COMPLETED = 'COMPLETED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: '受理 RECEIVED, 办理中 IN_PROGRESS, 中止 SUSPENDED, 办结 COMPLETED, 撤回 WITHDRAWN.',
});

/** Card levels (提醒, 黄牌, 红牌). */
export enum CardLevel {
  REMINDER = 'REMINDER',
  YELLOW = 'YELLOW',
  RED = 'RED',
}
registerEnumType(CardLevel, {
  name: 'CardLevel',
  description:
    "提醒 REMINDER at 80% of a step's time, 黄牌 YELLOW when a step is overdue, 红牌 RED when overdue by more than 3 working days or past the statutory limit.",
});

/** The unit a case belongs to; the powers subgraph owns the rest of `Unit`. */
@Directive('@key(fields: "code")')
@ObjectType('Unit')
export class UnitRef {
  @Field(() => ID)
  code: string;
}

/** The power version a case runs under; owned by the powers subgraph. */
@Directive('@key(fields: "id version", resolvable: false)')
@ObjectType('Power')
export class PowerRef {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@ObjectType({ description: 'A step of the flow as the case runs it.' })
export class CaseStep {
  @Field(() => Int)
  stepNo: number;

  @Field()
  name: string;

  @Field(() => Int, { description: 'Limit in working days, extensions included for the current step.' })
  timeLimitDays: number;

  @Field({ description: 'DONE, CURRENT or PENDING.' })
  state: string;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}

@ObjectType({
  description: 'One event of the trace (全程留痕): who did what, when, with which attachments, chained by hash.',
})
export class CaseEvent {
  @Field(() => Int)
  seq: number;

  @Field()
  kind: string;

  @Field({ description: 'Subject of the actor; "public" never acts.' })
  actor: string;

  @Field()
  at: Date;

  @Field(() => String, { description: 'The event data as canonical JSON.' })
  payload: string;

  @Field(() => [String], { description: 'SHA-256 of each attachment.' })
  attachmentHashes: string[];

  @Field()
  previousHash: string;

  @Field()
  hash: string;
}

@ObjectType({ description: 'A card raised on a case.' })
export class Card {
  @Field(() => ID)
  id: string;

  @Field(() => CardLevel)
  level: CardLevel;

  @Field(() => Int, { nullable: true, description: 'The step it concerns; null for the case as a whole.' })
  stepNo: number | null;

  @Field()
  reason: string;

  @Field()
  raisedAt: Date;
}

@ObjectType({ description: 'The outcome of re-checking a trace.' })
export class TraceVerification {
  @Field()
  ok: boolean;

  @Field(() => Int)
  events: number;

  @Field(() => Int, { nullable: true, description: 'The first event whose hash does not hold.' })
  brokenAtSeq: number | null;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A case (办件): one exercise of a power, traced step by step.' })
export class Case {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Case number: unit code, year, sequence.' })
  number: string;

  @Field(() => CaseStatus)
  status: CaseStatus;

  @Field(() => CaseOutcome, { nullable: true })
  outcome: CaseOutcome | null;

  @Field({ description: 'Name of the power as filed.' })
  powerName: string;

  // Nullable: the power's fields come from the powers subgraph, whose outage must not blank the case.
  @Field(() => PowerRef, { nullable: true, description: 'The power version the case runs under.' })
  power: PowerRef;

  @Field(() => UnitRef, { nullable: true }) // the unit's fields come from other subgraphs
  unit: UnitRef;

  @Field()
  details: string;

  @Field(() => Int)
  currentStep: number;

  @Field()
  receivedAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => CardLevel, { nullable: true, description: 'The highest card raised.' })
  cardLevel: CardLevel | null;

  @Field(() => Float, { nullable: true })
  contractPrice: number | null;

  row: CaseRow;
}

/** The GraphQL view of a stored case. */
export function toCase(row: CaseRow): Case {
  const c = new Case();
  c.id = row.id;
  c.number = row.number;
  c.status = row.status as CaseStatus;
  c.outcome = row.outcome as CaseOutcome | null;
  c.powerName = row.snapshot.name;
  c.power = { id: row.powerId, version: row.powerVersion };
  c.unit = { code: row.unitCode };
  c.details = row.details;
  c.currentStep = row.currentStep;
  c.receivedAt = row.receivedAt;
  c.completedAt = row.completedAt;
  c.cardLevel = row.cardLevel as CardLevel | null;
  c.contractPrice = row.amounts.contractPrice ?? null;
  c.row = row;
  return c;
}

@ObjectType()
export class CaseEdge {
  @Field(() => Case)
  node: Case;

  @Field()
  cursor: string;
}

@ObjectType({ description: 'A page of cases, newest first.' })
export class CaseConnection {
  @Field(() => [CaseEdge])
  edges: CaseEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ description: 'What filing returns: the case and the receipt for the applicant (回执).' })
export class FiledCase {
  @Field(() => Case)
  case: Case;

  @Field({ description: 'Query code (查询码) for the public progress lookup; give it to the applicant.' })
  queryCode: string;

  @Field({ description: 'Hash of the filing event, for the applicant to keep.' })
  receiptHash: string;

  @Field({ description: 'Local date the case is due under its promised limit.' })
  promisedBy: string;
}
