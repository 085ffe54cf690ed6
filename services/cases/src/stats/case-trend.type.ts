import { Field, ID, Int, ObjectType } from 'type-graphql';

/** The measures of the monthly case rollup, in the order of `CaseTrend`'s lists. */
export const CASE_MEASURES = ['filed', 'completed', 'overdue', 'late'] as const;
export type CaseMeasure = (typeof CASE_MEASURES)[number];

@ObjectType({ description: "Monthly case measures of a unit's subtree over the last 12 months (the current one last); item i of each list belongs to months[i]. Cases count in the month they were filed." })
export class CaseTrend {
  @Field(() => [String], { description: 'YYYY-MM, China Standard Time.' })
  months: string[];

  @Field(() => [Int], { description: 'Cases filed (受理).' })
  filed: number[];

  @Field(() => [Int], { description: 'Of those, completed (办结).' })
  completed: number[];

  @Field(() => [Int], { description: 'Of those, with a yellow or red card (逾期).' })
  overdue: number[];

  @Field(() => [Int], { description: 'Of those completed, finished after their statutory limit (超时办结).' })
  late: number[];
}

@ObjectType({ description: 'For Sunlight services: the case trend of one unit of a tier.' })
export class UnitCaseTrend {
  @Field(() => ID)
  code: string;

  @Field(() => CaseTrend)
  trend: CaseTrend;
}
