import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { EvaluationsContext } from '../evaluations.context';
import { OpenCampaignInput, ReviewerKind, SubmitReviewInput } from './campaign.input';
import { Campaign, CampaignResult } from './campaign.type';

const KEY = { description: 'Idempotency key (8-128 chars).' };

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => Campaign)
  campaign(@Arg('id', () => ID) id: string, @Ctx() ctx: EvaluationsContext): Promise<Campaign> {
    return ctx.campaigns.get(ctx.principal, id);
  }

  @Query(() => [CampaignResult], {
    description: 'Results per target once the campaign has closed: aggregates only, public.',
  })
  campaignResults(@Arg('id', () => ID) id: string, @Ctx() ctx: EvaluationsContext): Promise<CampaignResult[]> {
    return ctx.campaigns.results(ctx.principal, id);
  }

  @Mutation(() => Campaign, { description: 'Open a review campaign over targets in your scope (INSPECTOR or LEADER).' })
  async openCampaign(
    @Arg('input') input: OpenCampaignInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<Campaign> {
    return ctx.campaigns.get(ctx.principal, (await ctx.campaigns.open(ctx.principal, input, key)).id);
  }

  @Mutation(() => [String], {
    description: 'Ballot codes for public or representative reviewers; distribute them, they are not shown again.',
  })
  issueBallots(
    @Arg('campaignId', () => ID) campaignId: string,
    @Arg('kind', () => ReviewerKind) kind: ReviewerKind,
    @Arg('count', () => Int) count: number,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<string[]> {
    return ctx.campaigns.issueBallots(ctx.principal, campaignId, kind, count, key);
  }

  @Mutation(() => ID, { description: 'Score every indicator of one target, once per reviewer.' })
  async submitReview(
    @Arg('input') input: SubmitReviewInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<string> {
    return (await ctx.campaigns.review(ctx.principal, input, key)).id;
  }

  @Mutation(() => Campaign, { description: 'Close a campaign before its date.' })
  async closeCampaign(
    @Arg('id', () => ID) id: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<Campaign> {
    return ctx.campaigns.get(ctx.principal, (await ctx.campaigns.close(ctx.principal, id, key)).id);
  }
}
