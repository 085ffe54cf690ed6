import { TraceCheckpointObject, TraceInclusionProofObject } from '@sunlight/shared';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { CasesContext } from '../cases.context';
import { CaseProgress } from '../lookup/case-progress.type';

@Resolver()
export class CaseCheckpointResolver {
  @Query(() => TraceCheckpointObject, {
    nullable: true,
    description: 'The latest signed checkpoint of the case trace log (public); null before the first.',
  })
  caseTraceCheckpoint(@Ctx() ctx: CasesContext): Promise<TraceCheckpointObject | null> {
    return ctx.checkpoints.latest();
  }

  @Query(() => TraceInclusionProofObject, {
    nullable: true,
    description: "Inclusion proof of a case's trace head in the latest checkpoint; null when none covers it yet.",
  })
  caseTraceProof(
    @Arg('caseId', () => ID) caseId: string,
    @Ctx() ctx: CasesContext,
  ): Promise<TraceInclusionProofObject | null> {
    return ctx.checkpoints.proof(ctx.principal, caseId);
  }
}

@Resolver(() => CaseProgress)
export class CaseProgressProofResolver {
  @FieldResolver(() => TraceInclusionProofObject, {
    nullable: true,
    description:
      "Inclusion proof of this case's trace head in the latest signed checkpoint; null when none covers it yet.",
  })
  traceProof(@Root() p: CaseProgress, @Ctx() ctx: CasesContext): Promise<TraceInclusionProofObject | null> {
    return ctx.checkpoints.proofByNumber(p.number);
  }
}
