import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum NoticeKind {
  INSPECTION = 'INSPECTION',
  SUPERVISION = 'SUPERVISION',
}
registerEnumType(NoticeKind, { name: 'NoticeKind', description: '检查建议书 INSPECTION, 监察建议书 SUPERVISION.' });

@ObjectType({ description: "A rectification item (整改事项) and the unit's answer." })
export class NoticeItem {
  @Field(() => Int)
  itemNo: number;

  @Field()
  description: string;

  @Field({ description: 'PENDING, ANSWERED, RETURNED or ACCEPTED.' })
  status: string;

  @Field(() => String, { nullable: true })
  report: string | null;

  @Field(() => [String], { description: 'SHA-256 of the evidence files.' })
  evidenceHashes: string[];

  @Field(() => String, { nullable: true })
  reviewComment: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An inspection or supervision recommendation (检查建议书/监察建议书) to a unit, with rectification items and a deadline.',
})
export class Notice {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field(() => NoticeKind)
  kind: NoticeKind;

  @Field()
  unitCode: string;

  @Field()
  issuerUnit: string;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field({ description: 'Local date YYYY-MM-DD.' })
  deadline: string;

  @Field({ description: 'OPEN until every item is accepted, then CLOSED.' })
  status: string;

  @Field({ description: 'True when the deadline passed with items not accepted.' })
  overdue: boolean;

  @Field()
  issuedAt: Date;

  @Field(() => [NoticeItem])
  items: NoticeItem[];

  @Field(() => [ID], { description: 'Cited complaints you may see (inspectors only; never shown to the unit).' })
  citedComplaints: string[];

  @Field(() => [ID])
  citedCases: string[];

  @Field(() => [ID])
  citedAlerts: string[];
}

@InputType()
export class IssueNoticeInput {
  @Field({ description: 'The unit that must rectify.' })
  unitCode: string;

  @Field(() => NoticeKind)
  kind: NoticeKind;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field({ description: 'Local date YYYY-MM-DD by which every item must be accepted.' })
  deadline: string;

  @Field(() => [String], { description: 'Rectification items, 1-50.' })
  items: string[];

  @Field(() => [ID], { nullable: true })
  citedComplaints?: string[];

  @Field(() => [ID], { nullable: true })
  citedCases?: string[];

  @Field(() => [ID], { nullable: true })
  citedAlerts?: string[];
}
