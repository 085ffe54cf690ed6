import { platformError, PlatformErrorCode, Role, scope, Tier, type Trend } from '@sunlight/shared';
import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { CasesContext } from '../cases.context';
import { UnitRef } from '../case/case.type';
import { CaseTrend, UnitCaseTrend, type CaseMeasure } from './case-trend.type';

const toCaseTrend = (t: Trend<CaseMeasure>): CaseTrend => ({ months: t.months, ...t.values });

/** The cases subgraph's monthly series on `Unit`, and the tier-wide table the risk index compares against. */
@Resolver(() => UnitRef)
export class UnitCaseTrendResolver {
  @FieldResolver(() => CaseTrend, {
    nullable: true, // resolved by cases after powers: an outage of cases must not blank the unit
    description: "Monthly case measures of the unit's subtree over the last 12 months (staff in scope).",
  })
  async caseTrend(@Root() unit: UnitRef, @Ctx() ctx: CasesContext): Promise<CaseTrend> {
    if (ctx.principal.role === Role.PUBLIC)
      throw platformError(PlatformErrorCode.UNAUTHENTICATED, '请先登录再查看办件趋势');
    scope.assertCanRead(ctx.principal, unit.code);
    return toCaseTrend(await ctx.trends.forUnits.load(unit.code));
  }

  @Directive('@inaccessible')
  @Query(() => [UnitCaseTrend], {
    description:
      'For Sunlight services: the case trend of every unit of a tier in a city that filed cases in the window.',
  })
  async caseTrendsOfTier(
    @Arg('tier', () => Tier) tier: Tier,
    @Arg('city') city: string,
    @Ctx() ctx: CasesContext,
  ): Promise<UnitCaseTrend[]> {
    scope.assertRole(ctx.principal, [Role.SERVICE], '查看全层级办件趋势');
    const rows = await ctx.trends.forTier(tier, city.slice(0, 4));
    return rows.map((r) => ({ code: r.code, trend: toCaseTrend(r.trend) }));
  }
}
