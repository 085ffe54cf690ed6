import { Tier } from '@sunlight/shared';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class Indicator {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Float)
  weight: number;
}

@ObjectType()
export class Aspect {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Float)
  weight: number;

  @Field(() => [Indicator])
  indicators: Indicator[];
}

@ObjectType({
  description: 'A versioned indicator set (评价指标体系) for one tier: aspects with weights, indicators with weights.',
})
export class IndicatorSet {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'The city that owns it; null for the platform default.' })
  ownerUnit: string | null;

  @Field(() => Tier)
  tier: Tier;

  @Field(() => Int)
  version: number;

  @Field()
  name: string;

  @Field({ description: 'DRAFT, ACTIVE or RETIRED.' })
  status: string;

  @Field(() => [Aspect])
  aspects: Aspect[];

  @Field(() => Int)
  indicatorCount: number;
}

@InputType()
export class IndicatorInput {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Float)
  weight: number;
}

@InputType()
export class AspectInput {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Float)
  weight: number;

  @Field(() => [IndicatorInput])
  indicators: IndicatorInput[];
}

@InputType({ description: 'A new version of the indicator set of a tier, for your city. Created as DRAFT.' })
export class IndicatorSetInput {
  @Field(() => Tier)
  tier: Tier;

  @Field()
  name: string;

  @Field(() => [AspectInput])
  aspects: AspectInput[];
}
