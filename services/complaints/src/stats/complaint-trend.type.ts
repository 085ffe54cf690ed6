import { Field, ID, Int, ObjectType } from 'type-graphql';

/** The measures of the monthly complaint rollup. */
export const COMPLAINT_MEASURES = ['received', 'concluded', 'substantiated'] as const;
export type ComplaintMeasure = (typeof COMPLAINT_MEASURES)[number];

@ObjectType({
  description:
    "Monthly complaints about units of a subtree over the last 12 months (the current one last); item i of each list belongs to months[i]. Complaints against a unit's leadership are not counted here.",
})
export class ComplaintTrend {
  @Field(() => [String], { description: 'YYYY-MM, China Standard Time.' })
  months: string[];

  @Field(() => [Int], { description: 'Complaints received (信访举报).' })
  received: number[];

  @Field(() => [Int], { description: 'Of those, concluded.' })
  concluded: number[];

  @Field(() => [Int], { description: 'Of those concluded, substantiated or partly substantiated (查实).' })
  substantiated: number[];
}

@ObjectType({ description: 'For Sunlight services: the complaint trend of one unit of a tier.' })
export class UnitComplaintTrend {
  @Field(() => ID)
  code: string;

  @Field(() => ComplaintTrend)
  trend: ComplaintTrend;
}
