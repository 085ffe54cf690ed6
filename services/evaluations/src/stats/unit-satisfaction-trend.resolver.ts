import { Role, scope, Tier, type Trend } from '@sunlight/shared';
import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { UnitRef } from '../unit/entity-refs';
import type { EvaluationsContext } from '../evaluations.context';
import { SatisfactionTrend, UnitSatisfactionTrend, type RatingMeasure } from './satisfaction-trend.type';

const toSatisfactionTrend = (t: Trend<RatingMeasure>): SatisfactionTrend => ({
  months: t.months,
  ratings: t.values.ratings,
  average: t.values.ratings.map((n, i) => (n === 0 ? null : Math.round((t.values.score_sum[i]! / n) * 100) / 100)),
  satisfied: t.values.satisfied,
  dissatisfied: t.values.dissatisfied,
});

/** The evaluations subgraph's monthly series on `Unit` (public aggregates), and its tier-wide table. */
@Resolver(() => UnitRef)
export class UnitSatisfactionTrendResolver {
  @FieldResolver(() => SatisfactionTrend, {
    nullable: true, // resolved by evaluations after powers: its outage must not blank the unit
    description: "Monthly satisfaction of the unit's subtree over the last 12 months. Public: aggregates only.",
  })
  async satisfactionTrend(@Root() unit: UnitRef, @Ctx() ctx: EvaluationsContext): Promise<SatisfactionTrend> {
    return toSatisfactionTrend(await ctx.trends.forUnits.load(unit.code));
  }

  @Directive('@inaccessible')
  @Query(() => [UnitSatisfactionTrend], {
    description: 'For Sunlight services: the satisfaction trend of every unit of a tier in a city rated in the window.',
  })
  async satisfactionTrendsOfTier(
    @Arg('tier', () => Tier) tier: Tier,
    @Arg('city') city: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<UnitSatisfactionTrend[]> {
    scope.assertRole(ctx.principal, [Role.SERVICE], '查看全层级满意度趋势');
    const rows = await ctx.trends.forTier(tier, city.slice(0, 4));
    return rows.map((r) => ({ code: r.code, trend: toSatisfactionTrend(r.trend) }));
  }
}
