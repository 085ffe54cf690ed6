import { Tier } from '@sunlight/shared';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { EvaluationsContext } from '../evaluations.context';
import { IndicatorSet, IndicatorSetInput } from './indicator-set.type';

@Resolver(() => IndicatorSet)
export class IndicatorSetResolver {
  @Query(() => [IndicatorSet], { description: "Indicator sets: the platform defaults and your city's own versions." })
  indicatorSets(
    @Arg('tier', () => Tier, { nullable: true }) tier: Tier | null,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<IndicatorSet[]> {
    return ctx.indicatorSets.list(ctx.principal, tier);
  }

  @Mutation(() => IndicatorSet, {
    description: "A new DRAFT version of a tier's indicator set for your city (city ADMIN).",
  })
  createIndicatorSet(
    @Arg('input') input: IndicatorSetInput,
    @Arg('idempotencyKey') key: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<IndicatorSet> {
    return ctx.indicatorSets.create(ctx.principal, input, key);
  }

  @Mutation(() => IndicatorSet, {
    description: 'Make a draft the active set of its tier for your city; new campaigns use it.',
  })
  activateIndicatorSet(
    @Arg('id', () => ID) id: string,
    @Arg('idempotencyKey') key: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<IndicatorSet> {
    return ctx.indicatorSets.activate(ctx.principal, id, key);
  }
}
