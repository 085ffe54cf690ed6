import { TraceCheckpointObject, TraceInclusionProofObject } from '@sunlight/shared';
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ComplaintProgress } from '../complaint/complaint-progress.type';
import type { ComplaintsContext } from '../complaints.context';

@Resolver()
export class ComplaintCheckpointResolver {
  @Query(() => TraceCheckpointObject, {
    nullable: true,
    description: 'The latest signed checkpoint of the complaint trace log (public); null before the first.',
  })
  complaintTraceCheckpoint(@Ctx() ctx: ComplaintsContext): Promise<TraceCheckpointObject | null> {
    return ctx.checkpoints.latest();
  }
}

@Resolver(() => ComplaintProgress)
export class ComplaintProgressProofResolver {
  @FieldResolver(() => TraceInclusionProofObject, {
    nullable: true,
    description:
      "Inclusion proof of this complaint's trace head in the latest signed checkpoint; null when none covers it yet.",
  })
  traceProof(@Root() p: ComplaintProgress, @Ctx() ctx: ComplaintsContext): Promise<TraceInclusionProofObject | null> {
    return ctx.checkpoints.proofByNumber(p.number);
  }
}
