import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** The measures of the monthly rating rollup. */
export const RATING_MEASURES = ['ratings', 'score_sum', 'satisfied', 'dissatisfied'] as const;
export type RatingMeasure = (typeof RATING_MEASURES)[number];

@ObjectType({ description: "Monthly satisfaction of a unit's subtree over the last 12 months (the current one last); item i of each list belongs to months[i]. Aggregates only." })
export class SatisfactionTrend {
  @Field(() => [String], { description: 'YYYY-MM.' })
  months: string[];

  @Field(() => [Int], { description: 'Ratings dated in the month.' })
  ratings: number[];

  @Field(() => [Float], { nullable: 'items', description: 'Average score 1-5; null in a month without ratings.' })
  average: (number | null)[];

  @Field(() => [Int], { description: 'Ratings of 4 or 5 (满意).' })
  satisfied: number[];

  @Field(() => [Int], { description: 'Ratings of 1 or 2 (不满意).' })
  dissatisfied: number[];
}

@ObjectType({ description: 'For Sunlight services: the satisfaction trend of one unit of a tier.' })
export class UnitSatisfactionTrend {
  @Field(() => ID)
  code: string;

  @Field(() => SatisfactionTrend)
  trend: SatisfactionTrend;
}
