import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PowersContext } from '../powers.context';
import { RiskPoint } from '../power/power-items.entity';
import { versionKey } from '../power/power.loader';
import { StepRiskHints } from './step-risk-hints.type';

@Resolver(() => StepRiskHints)
export class StepRiskHintsResolver {
  @FieldResolver(() => [RiskPoint], {
    description:
      'Risk points (廉政风险点) of this step and of the power as a whole, in this version, highest level first.',
  })
  async riskPoints(@Root() h: StepRiskHints, @Ctx() ctx: PowersContext): Promise<RiskPoint[]> {
    const points = await ctx.powerLoaders.riskPoints.load(versionKey(h.powerId, h.version));
    return points.filter((p) => p.stepNo === h.stepNo || p.stepNo === null);
  }
}
