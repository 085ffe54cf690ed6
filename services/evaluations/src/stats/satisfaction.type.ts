import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Citizen satisfaction (满意度) for a period: aggregates only.' })
export class Satisfaction {
  @Field(() => Int)
  count: number;

  @Field(() => Float, { nullable: true, description: 'Average score 1-5; null without ratings.' })
  average: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of ratings 4 or 5 (满意).' })
  satisfiedShare: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of ratings 1 or 2 (不满意).' })
  dissatisfiedShare: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank by average among peers of the same tier in the city that have ratings (1 = best).',
  })
  rank: number | null;

  @Field(() => Int, { description: 'Number of ranked peers.' })
  peers: number;
}

@ObjectType({ description: 'One month of the satisfaction barometer (晴雨表).' })
export class SatisfactionMonth {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int)
  count: number;

  @Field(() => Float, { nullable: true })
  average: number | null;
}
