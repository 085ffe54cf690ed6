import { canonicalJson } from '@sunlight/shared';
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { CasesContext } from '../cases.context';
import { CaseProgress } from '../lookup/case-progress.type';
import { RatableCase } from '../lookup/ratable-case.type';
import { canSeePersonalData, mask } from './personal-data';
import { Card, CardLevel, Case, CaseEvent, CaseStep, TraceVerification } from './case.type';

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { description: 'A case in your scope.' })
  case(@Arg('id', () => ID) id: string, @Ctx() ctx: CasesContext): Promise<Case> {
    return ctx.cases.get(ctx.principal, id);
  }

  @Query(() => CaseProgress, {
    description: 'Public progress lookup (办件查询) by case number and query code. Rate-limited per client.',
  })
  caseProgress(
    @Arg('number') number: string,
    @Arg('queryCode') code: string,
    @Ctx() ctx: CasesContext,
  ): Promise<CaseProgress> {
    return ctx.lookup.progress(ctx.principal, number, code);
  }

  @Directive('@inaccessible')
  @Query(() => RatableCase, {
    description: 'For Sunlight services: a case by number and query code, to accept a rating.',
  })
  ratableCase(
    @Arg('number') number: string,
    @Arg('queryCode') code: string,
    @Ctx() ctx: CasesContext,
  ): Promise<RatableCase> {
    return ctx.lookup.ratable(ctx.principal, number, code);
  }

  @Query(() => TraceVerification, {
    description: "Recomputes the hash chain of a case's trace and reports the first broken event.",
  })
  async verifyCaseTrace(@Arg('caseId', () => ID) caseId: string, @Ctx() ctx: CasesContext): Promise<TraceVerification> {
    const v = await ctx.cases.verifyTrace(ctx.principal, caseId);
    return v.ok
      ? { ok: true, events: v.events, brokenAtSeq: null, reason: null }
      : { ok: false, events: v.brokenAtSeq - 1, brokenAtSeq: v.brokenAtSeq, reason: v.reason };
  }

  @FieldResolver(() => String, {
    description: 'Applicant name; masked (张*) except for handlers, their leaders and inspectors in scope.',
  })
  applicantName(@Root() c: Case, @Ctx() ctx: CasesContext): string {
    return canSeePersonalData(ctx.principal, c.row) ? c.row.applicantName : mask.name(c.row.applicantName);
  }

  @FieldResolver(() => String, { description: 'Applicant ID number; masked likewise.' })
  applicantIdNumber(@Root() c: Case, @Ctx() ctx: CasesContext): string {
    return canSeePersonalData(ctx.principal, c.row) ? c.row.applicantIdNumber : mask.idNumber(c.row.applicantIdNumber);
  }

  @FieldResolver(() => String, { description: 'Applicant phone; masked likewise.' })
  applicantPhone(@Root() c: Case, @Ctx() ctx: CasesContext): string {
    return canSeePersonalData(ctx.principal, c.row) ? c.row.applicantPhone : mask.phone(c.row.applicantPhone);
  }

  @FieldResolver(() => [CaseStep])
  steps(@Root() c: Case, @Ctx() ctx: CasesContext): Promise<CaseStep[]> {
    return ctx.cases.steps(c.row);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Local date the current step is due; null while suspended (the clock is stopped) and once closed.',
  })
  async currentStepDeadline(@Root() c: Case, @Ctx() ctx: CasesContext): Promise<string | null> {
    if (c.row.status === 'COMPLETED' || c.row.status === 'WITHDRAWN') return null;
    return (await ctx.cases.clock(c.row)).stepDeadline;
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when currentStepDeadline counts days of a year whose holidays are not loaded in the working calendar (weekends only there): the date is provisional (暂定) until that year is loaded.',
  })
  async currentStepDeadlineProvisional(@Root() c: Case, @Ctx() ctx: CasesContext): Promise<boolean> {
    if (c.row.status === 'COMPLETED' || c.row.status === 'WITHDRAWN') return false;
    return (await ctx.cases.clock(c.row)).stepDeadlineProvisional;
  }

  @FieldResolver(() => Int, {
    description: 'Working days elapsed since filing, suspensions excluded (final figure once completed).',
  })
  async workingDaysElapsed(@Root() c: Case, @Ctx() ctx: CasesContext): Promise<number> {
    return (await ctx.cases.clock(c.row)).caseElapsed;
  }

  @FieldResolver(() => [CaseEvent], { description: 'The full trace, oldest first.' })
  async events(@Root() c: Case, @Ctx() ctx: CasesContext): Promise<CaseEvent[]> {
    return (await ctx.loaders.events.load(c.id)).map((e) => ({
      seq: e.seq,
      kind: e.kind,
      actor: e.actor,
      at: e.at,
      payload: canonicalJson(e.payload),
      attachmentHashes: e.attachments.map((a) => a.sha256),
      previousHash: e.previous_hash,
      hash: e.hash,
    }));
  }

  @FieldResolver(() => [Card])
  async cards(@Root() c: Case, @Ctx() ctx: CasesContext): Promise<Card[]> {
    return (await ctx.loaders.cards.load(c.id)).map((k) => ({
      id: k.id,
      level: k.level as CardLevel,
      stepNo: k.step_no,
      reason: k.reason,
      raisedAt: k.raised_at,
    }));
  }
}
