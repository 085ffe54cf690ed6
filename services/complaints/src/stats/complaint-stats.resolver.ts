import { platformError, PlatformErrorCode, Role, scope } from '@sunlight/shared';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ComplaintsContext } from '../complaints.context';
import { ComplaintStats } from './complaint-stats.type';
import { UnitRef } from '../unit/unit-ref.type';

@Resolver(() => UnitRef)
export class UnitComplaintStatsResolver {
  @FieldResolver(() => ComplaintStats, {
    nullable: true, // resolved by complaints after powers: its outage must not blank the unit
    description: 'Complaint statistics (inspectors and leaders in scope), counting only complaints you may see.',
  })
  complaintStats(
    @Root() u: UnitRef,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Ctx() ctx: ComplaintsContext,
  ): Promise<ComplaintStats> {
    scope.assertRole(ctx.principal, [Role.INSPECTOR, Role.LEADER, Role.SCREEN], '查看投诉统计');
    scope.assertCanRead(ctx.principal, u.code);
    if (!(from < to)) throw platformError(PlatformErrorCode.VALIDATION_FAILED, 'from 须早于 to', 'from');
    return ctx.complaintStats.load({ code: u.code, from, to });
  }
}
