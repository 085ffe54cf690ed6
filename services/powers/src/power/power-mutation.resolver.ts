import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { PowersContext } from '../powers.context';
import {
  CheckpointInput,
  CreatePowerInput,
  EfficiencyPointInput,
  RiskPointInput,
  UpdatePowerInput,
} from './power.input';
import { Power } from './power.type';
import type { PowerRef } from './power.service';

const KEY_DESCRIPTION =
  'Idempotency key (8-128 chars): a retry with the same key returns the first result and writes nothing.';

async function show(ctx: PowersContext, ref: PowerRef): Promise<Power> {
  return ctx.catalog.get(ctx.principal, ref.id, ref.version);
}

/** Catalog management for ADMINs within their subtree. Every mutation is idempotent by key. */
@Resolver(() => Power)
export class PowerMutationResolver {
  @Mutation(() => Power, { description: 'Create a power as version 1 in DRAFT.' })
  async createPower(
    @Arg('input') input: CreatePowerInput,
    @Arg('idempotencyKey', { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: PowersContext,
  ): Promise<Power> {
    return show(ctx, await ctx.powers.create(ctx.principal, input, key));
  }

  @Mutation(() => Power, {
    description: 'Edit a power. A published power gets a new DRAFT version; the published one stays in force.',
  })
  async updatePower(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdatePowerInput,
    @Arg('idempotencyKey') key: string,
    @Ctx() ctx: PowersContext,
  ): Promise<Power> {
    return show(ctx, await ctx.powers.update(ctx.principal, id, input, key));
  }

  @Mutation(() => Power, { description: 'Publish the latest draft version.' })
  async publishPower(
    @Arg('id', () => ID) id: string,
    @Arg('idempotencyKey') key: string,
    @Ctx() ctx: PowersContext,
  ): Promise<Power> {
    return show(ctx, await ctx.powers.publish(ctx.principal, id, key));
  }

  @Mutation(() => Power, { description: 'Withdraw a power from the catalog (取消), with a reason.' })
  async retirePower(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('idempotencyKey') key: string,
    @Ctx() ctx: PowersContext,
  ): Promise<Power> {
    return show(ctx, await ctx.powers.retire(ctx.principal, id, reason, key));
  }

  @Mutation(() => Power, {
    description: 'Add a risk point to the draft (creating one from the published version if needed).',
  })
  async addRiskPoint(
    @Arg('powerId', () => ID) powerId: string,
    @Arg('input') input: RiskPointInput,
    @Arg('idempotencyKey') key: string,
    @Ctx() ctx: PowersContext,
  ): Promise<Power> {
    const item = {
      stepNo: input.stepNo ?? null,
      level: input.level,
      description: input.description,
      measures: input.measures,
    };
    return show(ctx, await ctx.powers.addItem(ctx.principal, powerId, 'riskPoints', item, key));
  }

  @Mutation(() => Power)
  async removeRiskPoint(
    @Arg('powerId', () => ID) powerId: string,
    @Arg('riskPointId', () => ID) itemId: string,
    @Arg('idempotencyKey') key: string,
    @Ctx() ctx: PowersContext,
  ): Promise<Power> {
    return show(ctx, await ctx.powers.removeItem(ctx.principal, powerId, 'riskPoints', itemId, key));
  }

  @Mutation(() => Power)
  async addEfficiencyPoint(
    @Arg('powerId', () => ID) powerId: string,
    @Arg('input') input: EfficiencyPointInput,
    @Arg('idempotencyKey') key: string,
    @Ctx() ctx: PowersContext,
  ): Promise<Power> {
    const item = {
      stepNo: input.stepNo ?? null,
      description: input.description,
      timeLimitDays: input.timeLimitDays ?? null,
    };
    return show(ctx, await ctx.powers.addItem(ctx.principal, powerId, 'efficiencyPoints', item, key));
  }

  @Mutation(() => Power)
  async removeEfficiencyPoint(
    @Arg('powerId', () => ID) powerId: string,
    @Arg('efficiencyPointId', () => ID) itemId: string,
    @Arg('idempotencyKey') key: string,
    @Ctx() ctx: PowersContext,
  ): Promise<Power> {
    return show(ctx, await ctx.powers.removeItem(ctx.principal, powerId, 'efficiencyPoints', itemId, key));
  }

  @Mutation(() => Power)
  async addCheckpoint(
    @Arg('powerId', () => ID) powerId: string,
    @Arg('input') input: CheckpointInput,
    @Arg('idempotencyKey') key: string,
    @Ctx() ctx: PowersContext,
  ): Promise<Power> {
    const item = {
      stepNo: input.stepNo,
      kind: input.kind,
      params: { ...input.params },
      legalBasis: input.legalBasis,
      description: input.description ?? '',
    };
    return show(ctx, await ctx.powers.addItem(ctx.principal, powerId, 'checkpoints', item, key));
  }

  @Mutation(() => Power)
  async removeCheckpoint(
    @Arg('powerId', () => ID) powerId: string,
    @Arg('checkpointId', () => ID) itemId: string,
    @Arg('idempotencyKey') key: string,
    @Ctx() ctx: PowersContext,
  ): Promise<Power> {
    return show(ctx, await ctx.powers.removeItem(ctx.principal, powerId, 'checkpoints', itemId, key));
  }
}
