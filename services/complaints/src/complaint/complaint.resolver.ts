import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ComplaintsContext } from '../complaints.context';
import { ComplaintProgress } from './complaint-progress.type';
import { OPEN_STATUSES } from './complaint-row';
import { Conclusion, EvidenceInput, FileComplaintInput } from './complaint.input';
import { ComplainantIdentity, Complaint, ComplaintConnection, ComplaintEvent, FiledComplaint } from './complaint.type';

const KEY = { description: 'Idempotency key (8-128 chars).' };

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Query(() => Complaint, { description: 'A complaint you may see (handling inspectors; never anyone it is about).' })
  complaint(@Arg('id', () => ID) id: string, @Ctx() ctx: ComplaintsContext): Promise<Complaint> {
    return ctx.complaints.get(ctx.principal, id);
  }

  @Query(() => ComplaintConnection, {
    description: "Complaints handled in a unit's subtree, newest first (inspectors).",
  })
  complaints(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('unit', () => ID, { nullable: true }) unit: string | null,
    @Arg('status', () => String, { nullable: true }) status: string | null,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<ComplaintConnection> {
    return ctx.complaints.list(ctx.principal, unit ?? undefined, status, first, after);
  }

  @Query(() => ComplaintProgress, {
    description: 'Follow a complaint with its number and follow-up code (named or anonymous). Rate-limited.',
  })
  complaintProgress(
    @Arg('number') number: string,
    @Arg('followUpCode') code: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<ComplaintProgress> {
    return ctx.followUp.progress(ctx.principal, number, code);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Local date the complaint's current stage (accepting, then concluding) is due; null once closed.",
  })
  stageDeadline(@Root() c: Complaint, @Ctx() ctx: ComplaintsContext): string | null {
    return OPEN_STATUSES.includes(c.row.status) ? ctx.handling.clock(c.row).deadline : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when stageDeadline counts days of a year whose holidays are not loaded in the working calendar (weekends only there): the date is provisional (暂定) until that year is loaded.',
  })
  stageDeadlineProvisional(@Root() c: Complaint, @Ctx() ctx: ComplaintsContext): boolean {
    return OPEN_STATUSES.includes(c.row.status) && ctx.handling.clock(c.row).deadlineProvisional;
  }

  @FieldResolver(() => [ComplaintEvent])
  events(@Root() c: Complaint, @Ctx() ctx: ComplaintsContext): Promise<ComplaintEvent[]> {
    return ctx.complaints.events(c.id);
  }

  @Mutation(() => FiledComplaint, {
    description: 'File a complaint, named or anonymous. Routed to the inspectors who manage the accused.',
  })
  fileComplaint(
    @Arg('input') input: FileComplaintInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<FiledComplaint> {
    return ctx.filing.file(ctx.principal, input, key);
  }

  @Mutation(() => ComplaintProgress, { description: 'Add evidence to a complaint with its number and follow-up code.' })
  addComplaintEvidence(
    @Arg('number') number: string,
    @Arg('followUpCode') code: string,
    @Arg('evidence', () => [EvidenceInput]) evidence: EvidenceInput[],
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<ComplaintProgress> {
    return ctx.followUp.addEvidence(ctx.principal, number, code, evidence, key);
  }

  @Mutation(() => Complaint, { description: 'Accept a complaint of your jurisdiction; you become its handler.' })
  async acceptComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('note') note: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<Complaint> {
    return ctx.complaints.get(ctx.principal, (await ctx.handling.accept(ctx.principal, id, note, key)).id);
  }

  @Mutation(() => Complaint)
  async investigateComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('note') note: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<Complaint> {
    return ctx.complaints.get(ctx.principal, (await ctx.handling.investigate(ctx.principal, id, note, key)).id);
  }

  @Mutation(() => Complaint)
  async concludeComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('conclusion', () => Conclusion) conclusion: Conclusion,
    @Arg('finding') finding: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<Complaint> {
    return ctx.complaints.get(
      ctx.principal,
      (await ctx.handling.conclude(ctx.principal, id, conclusion, finding, key)).id,
    );
  }

  @Mutation(() => Complaint, { description: 'Tell the complainant the outcome (visible with the follow-up code).' })
  async giveComplaintFeedback(
    @Arg('id', () => ID) id: string,
    @Arg('feedback') feedback: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<Complaint> {
    return ctx.complaints.get(ctx.principal, (await ctx.handling.giveFeedback(ctx.principal, id, feedback, key)).id);
  }

  @Mutation(() => ID, {
    description: 'Transfer to another jurisdiction, with a reason. Returns the id; the complaint may leave your scope.',
  })
  async transferComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('toUnit') toUnit: string,
    @Arg('reason') reason: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<string> {
    return (await ctx.handling.transfer(ctx.principal, id, toUnit, reason, key)).id;
  }

  @Mutation(() => Complaint, {
    description: 'Approve the one extension of the concluding time (another inspector than the handler).',
  })
  async extendComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<Complaint> {
    return ctx.complaints.get(ctx.principal, (await ctx.handling.extend(ctx.principal, id, reason, key)).id);
  }

  @Mutation(() => ComplainantIdentity, {
    description:
      "Reveal a named complainant's identity to the handling inspector; the reason is recorded in the trace.",
  })
  async revealComplainant(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<ComplainantIdentity> {
    const identity = await ctx.handling.reveal(ctx.principal, id, reason, key);
    return {
      name: identity.name ?? null,
      phone: identity.phone ?? null,
      email: identity.email ?? null,
      address: identity.address ?? null,
    };
  }
}
