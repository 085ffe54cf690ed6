import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { UnitRef } from '../alert/alert.type';
import type { AlertsContext } from '../alerts.context';
import { AlertTrend, RISK_REQUIRES } from './risk-inputs.type';
import { RiskIndex, RiskMonth, TierRanking } from './risk.type';

const MONTH = { nullable: true, description: 'YYYY-MM within the last 12 months; default: the last complete month.' };

/**
 * The alerts subgraph's contribution to `Unit`: its own trend and the risk index built on everyone's.
 * Every field is nullable: the gateway reaches them after powers (and the required trends after
 * cases, evaluations and complaints), so an outage nulls these fields with an error, not the unit.
 */
@Resolver(() => UnitRef)
export class UnitRiskResolver {
  @FieldResolver(() => AlertTrend, {
    nullable: true,
    description: "Monthly alerts of the unit's subtree over the last 12 months (inspectors and leaders in scope).",
  })
  alertTrend(@Root() unit: UnitRef, @Ctx() ctx: AlertsContext): Promise<AlertTrend> {
    return ctx.risk.alertTrend(ctx.principal, unit);
  }

  @Directive(`@requires(fields: "${RISK_REQUIRES}")`)
  @FieldResolver(() => RiskIndex, {
    nullable: true,
    description:
      "The integrity-risk composite index (勤廉风险综合评价指数) of the unit's subtree for a month, each indicator against the same tier's peers (inspectors and leaders in scope).",
  })
  riskIndex(
    @Root() unit: UnitRef,
    @Ctx() ctx: AlertsContext,
    @Arg('month', () => String, MONTH) month?: string | null,
  ): Promise<RiskIndex> {
    return ctx.risk.index(ctx.principal, unit, month);
  }

  @Directive(`@requires(fields: "${RISK_REQUIRES}")`)
  @FieldResolver(() => TierRanking, {
    nullable: true,
    description: "The unit's position by risk index among the same tier in the city (inspectors and leaders in scope).",
  })
  ranking(
    @Root() unit: UnitRef,
    @Ctx() ctx: AlertsContext,
    @Arg('month', () => String, MONTH) month?: string | null,
  ): Promise<TierRanking> {
    return ctx.risk.ranking(ctx.principal, unit, month);
  }

  @Directive(`@requires(fields: "${RISK_REQUIRES}")`)
  @FieldResolver(() => [RiskMonth], {
    nullable: true,
    description:
      'The risk index month by month over the last 12 months, with each indicator (inspectors and leaders in scope).',
  })
  riskSeries(@Root() unit: UnitRef, @Ctx() ctx: AlertsContext): Promise<RiskMonth[]> {
    return ctx.risk.series(ctx.principal, unit);
  }
}
