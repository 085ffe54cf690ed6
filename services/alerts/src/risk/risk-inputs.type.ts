import { Directive, Field, Int, ObjectType } from 'type-graphql';

// The trends other subgraphs own, declared here only as far as the risk index requires them
// (`@requires` on `Unit.riskIndex`); the gateway fetches them and passes them in.

@Directive('@external')
@ObjectType('CaseTrend')
export class CaseTrendRef {
  @Field(() => [String])
  months: string[];

  @Field(() => [Int])
  filed: number[];

  @Field(() => [Int])
  completed: number[];

  @Field(() => [Int])
  overdue: number[];

  @Field(() => [Int])
  late: number[];
}

@Directive('@external')
@ObjectType('SatisfactionTrend')
export class SatisfactionTrendRef {
  @Field(() => [String])
  months: string[];

  @Field(() => [Int])
  ratings: number[];

  @Field(() => [Int])
  dissatisfied: number[];
}

@Directive('@external')
@ObjectType('ComplaintTrend')
export class ComplaintTrendRef {
  @Field(() => [String])
  months: string[];

  @Field(() => [Int])
  received: number[];
}

@ObjectType({ description: "Monthly alerts about units of a subtree over the last 12 months (the current one last); item i of each list belongs to months[i]. Alerts about a unit's leadership are not counted." })
export class AlertTrend {
  @Field(() => [String], { description: 'YYYY-MM, China Standard Time.' })
  months: string[];

  @Field(() => [Int], { description: 'Alerts raised.' })
  raised: number[];

  @Field(() => [Int], { description: 'Of those, red.' })
  red: number[];

  @Field(() => [Int], { description: 'Of those, not yet disposed of.' })
  undisposed: number[];
}

/** The fields `riskIndex`, `ranking` and `riskSeries` require from the other subgraphs. */
export const RISK_REQUIRES = 'caseTrend { months filed completed overdue late } satisfactionTrend { months ratings dissatisfied } complaintTrend { months received }';
