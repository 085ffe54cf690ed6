import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { ComplaintsContext } from '../complaints.context';
import { EvidenceInput } from '../complaint/complaint.input';
import { IssueNoticeInput, Notice } from './notice.type';

const KEY = { description: 'Idempotency key (8-128 chars).' };

@Resolver(() => Notice)
export class NoticeResolver {
  @Query(() => Notice)
  notice(@Arg('id', () => ID) id: string, @Ctx() ctx: ComplaintsContext): Promise<Notice> {
    return ctx.notices.get(ctx.principal, id);
  }

  @Query(() => [Notice], {
    description:
      "Notices to a unit's subtree (inspectors) or to your own unit (its leader), newest first; at most 200.",
  })
  notices(
    @Arg('unit', () => ID, { nullable: true }) unit: string | null,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<Notice[]> {
    return ctx.notices.list(ctx.principal, unit ?? undefined);
  }

  @Mutation(() => Notice, { description: 'Issue a notice (检查建议书/监察建议书) to a unit in your scope.' })
  async issueNotice(
    @Arg('input') input: IssueNoticeInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<Notice> {
    return ctx.notices.get(ctx.principal, await ctx.notices.issue(ctx.principal, input, key));
  }

  @Mutation(() => Notice, { description: "The notified unit's leader answers an item with a report and evidence." })
  async answerNoticeItem(
    @Arg('noticeId', () => ID) noticeId: string,
    @Arg('itemNo', () => Int) itemNo: number,
    @Arg('report') report: string,
    @Arg('evidence', () => [EvidenceInput], { nullable: true }) evidence: EvidenceInput[] | null,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<Notice> {
    return ctx.notices.get(
      ctx.principal,
      await ctx.notices.answer(ctx.principal, noticeId, itemNo, report, evidence ?? [], key),
    );
  }

  @Mutation(() => Notice, { description: 'The issuing inspectors accept an answer or return it for more work.' })
  async reviewNoticeItem(
    @Arg('noticeId', () => ID) noticeId: string,
    @Arg('itemNo', () => Int) itemNo: number,
    @Arg('accept') accept: boolean,
    @Arg('comment') comment: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<Notice> {
    return ctx.notices.get(
      ctx.principal,
      await ctx.notices.review(ctx.principal, noticeId, itemNo, accept, comment, key),
    );
  }
}
