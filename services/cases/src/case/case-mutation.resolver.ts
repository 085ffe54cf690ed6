import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { CasesContext } from '../cases.context';
import {
  AdvanceCaseInput,
  CompleteCaseInput,
  ExtendCaseInput,
  FileCaseInput,
  ReturnCaseInput,
  SuspendCaseInput,
} from './case.input';
import { Case, FiledCase } from './case.type';

const KEY = {
  description: 'Idempotency key (8-128 chars): a retry with the same key returns the first result and writes nothing.',
};

/** Case transitions. Every mutation is idempotent by key and traced. */
@Resolver(() => Case)
export class CaseMutationResolver {
  @Mutation(() => FiledCase, { description: 'File a case (受理) under a published power of your unit.' })
  async fileCase(
    @Arg('input') input: FileCaseInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: CasesContext,
  ): Promise<FiledCase> {
    return ctx.cases.receipt(ctx.principal, await ctx.filing.file(ctx.principal, input, key));
  }

  @Mutation(() => Case, { description: 'Finish the current step (checkpoints enforced) and move to the next.' })
  async advanceCase(
    @Arg('input') input: AdvanceCaseInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: CasesContext,
  ): Promise<Case> {
    return ctx.cases.written(ctx.principal, await ctx.transitions.advance(ctx.principal, input, key));
  }

  @Mutation(() => Case, {
    description:
      'Decide the case at its last step (approve or reject). The decider must not have handled an earlier step.',
  })
  async completeCase(
    @Arg('input') input: CompleteCaseInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: CasesContext,
  ): Promise<Case> {
    return ctx.cases.written(ctx.principal, await ctx.transitions.complete(ctx.principal, input, key));
  }

  @Mutation(() => Case, { description: 'Send the case back to an earlier step.' })
  async returnCase(
    @Arg('input') input: ReturnCaseInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: CasesContext,
  ): Promise<Case> {
    return ctx.cases.written(ctx.principal, await ctx.transitions.returnTo(ctx.principal, input, key));
  }

  @Mutation(() => Case, { description: 'Stop the clock (中止) with a reason.' })
  async suspendCase(
    @Arg('input') input: SuspendCaseInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: CasesContext,
  ): Promise<Case> {
    return ctx.cases.written(ctx.principal, await ctx.transitions.suspend(ctx.principal, input, key));
  }

  @Mutation(() => Case, { description: 'Restart the clock.' })
  async resumeCase(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: CasesContext,
  ): Promise<Case> {
    return ctx.cases.written(ctx.principal, await ctx.transitions.resume(ctx.principal, caseId, key));
  }

  @Mutation(() => Case, {
    description: "Approve more time for the current step (the unit's leader, who must not have handled the case).",
  })
  async extendCase(
    @Arg('input') input: ExtendCaseInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: CasesContext,
  ): Promise<Case> {
    return ctx.cases.written(ctx.principal, await ctx.transitions.extend(ctx.principal, input, key));
  }

  @Mutation(() => Case, { description: "Withdraw the case (撤回), e.g. at the applicant's request." })
  async withdrawCase(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('reason') reason: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: CasesContext,
  ): Promise<Case> {
    return ctx.cases.written(ctx.principal, await ctx.transitions.withdraw(ctx.principal, caseId, reason, key));
  }
}
