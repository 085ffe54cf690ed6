import { Role, scope, Tier, type Trend } from '@sunlight/shared';
import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ComplaintsContext } from '../complaints.context';
import { UnitRef } from '../unit/unit-ref.type';
import { ComplaintTrend, UnitComplaintTrend, type ComplaintMeasure } from './complaint-trend.type';

const toComplaintTrend = (t: Trend<ComplaintMeasure>): ComplaintTrend => ({ months: t.months, ...t.values });

/** The complaints subgraph's monthly series on `Unit`, and its tier-wide table. */
@Resolver(() => UnitRef)
export class UnitComplaintTrendResolver {
  @FieldResolver(() => ComplaintTrend, {
    nullable: true,
    description: 'Monthly complaint counts of the subtree over the last 12 months (inspectors and leaders in scope).',
  })
  async complaintTrend(@Root() unit: UnitRef, @Ctx() ctx: ComplaintsContext): Promise<ComplaintTrend> {
    scope.assertRole(ctx.principal, [Role.INSPECTOR, Role.LEADER, Role.SCREEN, Role.SERVICE], '查看投诉趋势');
    scope.assertCanRead(ctx.principal, unit.code);
    return toComplaintTrend(await ctx.trends.forUnits.load(unit.code));
  }

  @Directive('@inaccessible')
  @Query(() => [UnitComplaintTrend], {
    description:
      'For Sunlight services: the complaint trend of every unit of a tier in a city with complaints in the window.',
  })
  async complaintTrendsOfTier(
    @Arg('tier', () => Tier) tier: Tier,
    @Arg('city') city: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<UnitComplaintTrend[]> {
    scope.assertRole(ctx.principal, [Role.SERVICE], '查看全层级投诉趋势');
    const rows = await ctx.trends.forTier(tier, city.slice(0, 4));
    return rows.map((r) => ({ code: r.code, trend: toComplaintTrend(r.trend) }));
  }
}
