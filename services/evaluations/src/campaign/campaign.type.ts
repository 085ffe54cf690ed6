import { Tier } from '@sunlight/shared';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ReviewerKind, TargetKind } from './campaign.input';

@ObjectType()
export class CampaignTarget {
  @Field()
  targetId: string;

  @Field()
  unitCode: string;

  @Field(() => String, { nullable: true })
  postId: string | null;

  @Field(() => Tier)
  tier: Tier;

  @Field()
  label: string;

  @Field(() => ID, { description: 'The indicator set the target is reviewed against.' })
  indicatorSetId: string;
}

@ObjectType()
export class IndicatorScore {
  @Field()
  code: string;

  @Field({ description: 'The indicator’s name (指标名称) in the indicator set.' })
  name: string;

  @Field(() => Float, { nullable: true })
  average: number | null;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class AspectScore {
  @Field()
  code: string;

  @Field({ description: 'The aspect’s name (方面名称) in the indicator set.' })
  name: string;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field(() => Float)
  weight: number;
}

@ObjectType({
  description:
    "A target's result: per indicator and aspect, the weighted total, its rank within its tier, participation.",
})
export class CampaignResult {
  @Field()
  targetId: string;

  @Field({
    description:
      'The target’s name: the label it was opened with, else its unit’s name (with 领导班子 or the post’s name).',
  })
  name: string;

  @Field(() => Tier)
  tier: Tier;

  @Field(() => Int)
  reviews: number;

  @Field(() => [IndicatorScore])
  indicators: IndicatorScore[];

  @Field(() => [AspectScore])
  aspects: AspectScore[];

  @Field(() => Float, { nullable: true })
  total: number | null;

  @Field(() => Int, { nullable: true })
  rankInTier: number | null;

  @Field(() => Float)
  participation: number;
}

@ObjectType({ description: 'A review campaign (评议活动).' })
export class Campaign {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  ownerUnit: string;

  @Field(() => TargetKind)
  targetKind: TargetKind;

  @Field(() => [ReviewerKind])
  reviewerKinds: ReviewerKind[];

  @Field(() => Int)
  expectedReviewers: number;

  @Field()
  openedAt: Date;

  @Field()
  closesAt: Date;

  @Field({ description: 'OPEN until closesAt (or an early close), then CLOSED.' })
  status: string;

  @Field(() => [CampaignTarget])
  targets: CampaignTarget[];
}
