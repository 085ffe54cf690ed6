import { GraphQLJSONObject } from 'graphql-scalars';
import { createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What a card (提醒/黄牌/红牌) on a case says.' })
export class CardAlertDetails {
  @Field({ description: 'The case number (办件编号).' })
  number: string;

  @Field(() => Int, { nullable: true, description: 'The overdue step; null when the whole case is overdue.' })
  step: number | null;

  @Field({ description: 'Why the card was raised.' })
  reason: string;

  @Field(() => ID)
  powerId: string;

  @Field(() => Int)
  powerVersion: number;
}

@ObjectType({ description: 'One rule of an electronic checkpoint (电子关卡) that refused a transition.' })
export class AlertCheckpointViolation {
  @Field(() => ID)
  checkpointId: string;

  @Field({ description: 'The checkpoint kind, e.g. PAYMENT_WITHIN_PROGRESS.' })
  kind: string;

  @Field({ description: 'The legal basis (法律依据) of the rule.' })
  legalBasis: string;

  @Field()
  description: string;

  @Field({ description: 'What was wrong, ending with the legal basis.' })
  message: string;

  @Field(() => GraphQLJSONObject, { description: 'The figures the rule judged (null where one was missing).' })
  values: Record<string, number | string | null>;
}

@ObjectType({ description: 'What a blocked checkpoint (red-line breach) on a case says.' })
export class CheckpointAlertDetails {
  @Field({ description: 'The case number (办件编号).' })
  number: string;

  @Field(() => Int, { description: 'The step the case could not leave.' })
  step: number;

  @Field({ description: 'Who tried.' })
  actor: string;

  @Field(() => [AlertCheckpointViolation])
  violations: AlertCheckpointViolation[];
}

@ObjectType({ description: 'What a low rating (差评) says; never who rated.' })
export class RatingAlertDetails {
  @Field(() => Int, { description: '1 非常不满意 or 2 不满意.' })
  score: number;

  @Field(() => [String])
  tags: string[];

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => ID, { nullable: true })
  postId: string | null;

  @Field(() => ID, { nullable: true })
  powerId: string | null;

  @Field(() => Int, { nullable: true })
  stepNo: number | null;
}

@ObjectType({ description: 'What an overdue or escalated complaint says; never who complained.' })
export class ComplaintAlertDetails {
  @Field({ description: 'The complaint number.' })
  number: string;

  @Field()
  category: string;

  @Field({ description: 'ACCEPT or CONCLUDE: which limit was missed.' })
  stage: string;

  @Field(() => String, { nullable: true, description: 'The unit it was escalated from (escalations only).' })
  from: string | null;
}

@ObjectType({ description: 'What an overdue rectification notice (整改通知) says.' })
export class NoticeAlertDetails {
  @Field({ description: 'The notice number.' })
  number: string;

  @Field({ description: 'The unit that issued the notice.' })
  issuerUnit: string;
}

@ObjectType({
  description: '工作日历缺少某年的节假日安排：用到该年的时限按双休日计算，为暂定期限，请载入该年通知。',
})
export class CalendarAlertDetails {
  @Field(() => Int, { description: 'The year whose holidays are not loaded.' })
  year: number;

  @Field(() => ID, { description: 'The city whose clocks needed it.' })
  cityCode: string;
}

/** The details of an alert, one object type per kind of alert. */
export const AlertDetails = createUnionType({
  name: 'AlertDetails',
  description: 'What raised the alert, typed by its kind.',
  types: () =>
    [
      CardAlertDetails,
      CheckpointAlertDetails,
      RatingAlertDetails,
      ComplaintAlertDetails,
      NoticeAlertDetails,
      CalendarAlertDetails,
    ] as const,
  resolveType: (value) => {
    if (value instanceof CardAlertDetails) return CardAlertDetails;
    if (value instanceof CheckpointAlertDetails) return CheckpointAlertDetails;
    if (value instanceof RatingAlertDetails) return RatingAlertDetails;
    if (value instanceof ComplaintAlertDetails) return ComplaintAlertDetails;
    if (value instanceof NoticeAlertDetails) return NoticeAlertDetails;
    if (value instanceof CalendarAlertDetails) return CalendarAlertDetails;
    throw new Error('alert details of no known type');
  },
});
export type AlertDetailsValue =
  | CardAlertDetails
  | CheckpointAlertDetails
  | RatingAlertDetails
  | ComplaintAlertDetails
  | NoticeAlertDetails
  | CalendarAlertDetails;
