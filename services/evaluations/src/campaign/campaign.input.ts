import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';

/** What a campaign reviews. */
export enum TargetKind {
  UNIT = 'UNIT',
  LEADERSHIP = 'LEADERSHIP',
  KEY_POST = 'KEY_POST',
}
registerEnumType(TargetKind, { name: 'TargetKind', description: '单位 UNIT, 领导班子 LEADERSHIP, 重点岗位 KEY_POST.' });

/** Who may review. */
export enum ReviewerKind {
  PUBLIC = 'PUBLIC',
  REPRESENTATIVE = 'REPRESENTATIVE',
  STAFF = 'STAFF',
}
registerEnumType(ReviewerKind, {
  name: 'ReviewerKind',
  description:
    '群众 PUBLIC and 代表 REPRESENTATIVE (with ballot codes), 干部职工 STAFF (signed in, within the campaign unit).',
});

@InputType()
export class CampaignTargetInput {
  @Field({ description: 'The unit (for UNIT and LEADERSHIP) or the unit of the post (KEY_POST).' })
  unitCode: string;

  @Field(() => ID, { nullable: true, description: 'KEY_POST only.' })
  postId?: string;

  @Field({ nullable: true, description: 'Display label; defaults to the unit code or post id.' })
  label?: string;
}

@InputType({ description: 'A review campaign (民主评议): who is reviewed, by whom, until when.' })
export class OpenCampaignInput {
  @Field()
  name: string;

  @Field(() => TargetKind)
  targetKind: TargetKind;

  @Field(() => [CampaignTargetInput])
  targets: CampaignTargetInput[];

  @Field(() => [ReviewerKind])
  reviewerKinds: ReviewerKind[];

  @Field(() => Int, { description: 'Reviewers expected per target (the participation denominator).' })
  expectedReviewers: number;

  @Field({ description: 'When reviewing ends.' })
  closesAt: Date;
}

@InputType()
export class IndicatorScoreInput {
  @Field({ description: 'Indicator code, e.g. A1-03.' })
  indicator: string;

  @Field(() => Float, { description: '0-100.' })
  score: number;
}

@InputType({ description: 'One reviewer scores every indicator of one target, once.' })
export class SubmitReviewInput {
  @Field(() => ID)
  campaignId: string;

  @Field()
  targetId: string;

  @Field({ nullable: true, description: 'Ballot code for PUBLIC and REPRESENTATIVE reviewers; staff sign in instead.' })
  ballotCode?: string;

  @Field(() => [IndicatorScoreInput])
  scores: IndicatorScoreInput[];
}
