import { platformError, PlatformErrorCode, Role, scope } from '@sunlight/shared';
import { Arg, Ctx, FieldResolver, Field, InputType, Int, Resolver, Root } from 'type-graphql';
import type { CasesContext } from '../cases.context';
import { CardLevel, CaseConnection, CaseStatus, UnitRef } from '../case/case.type';
import { CaseStats } from '../stats/case-stats.type';

@InputType({ description: "Filters of a unit's cases; combined with AND." })
export class CaseFilter {
  @Field(() => CaseStatus, { nullable: true })
  status?: CaseStatus;

  @Field(() => CardLevel, { nullable: true, description: 'Highest card raised.' })
  card?: CardLevel;

  @Field({ nullable: true, description: 'true: with a yellow or red card; false: without.' })
  overdue?: boolean;

  @Field({ nullable: true })
  powerId?: string;

  @Field({ nullable: true, description: 'Filed at or after.' })
  from?: Date;

  @Field({ nullable: true, description: 'Filed before.' })
  to?: Date;
}

/** The cases subgraph's contribution to `Unit`: its cases and their statistics. */
@Resolver(() => UnitRef)
export class UnitCasesResolver {
  @FieldResolver(() => CaseConnection, {
    nullable: true, // resolved by cases after powers: an outage of cases must not blank the unit
    description: "Cases of the unit's subtree, newest first (staff in scope).",
  })
  cases(
    @Root() unit: UnitRef,
    @Ctx() ctx: CasesContext,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
  ): Promise<CaseConnection> {
    return ctx.cases.list(ctx.principal, unit.code, filter ?? {}, first, after);
  }

  @FieldResolver(() => CaseStats, {
    nullable: true,
    description: "Case statistics of the unit's subtree for cases filed in [from, to) (staff in scope).",
  })
  caseStats(
    @Root() unit: UnitRef,
    @Ctx() ctx: CasesContext,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
  ): Promise<CaseStats> {
    if (ctx.principal.role === Role.PUBLIC)
      throw platformError(PlatformErrorCode.UNAUTHENTICATED, '请先登录再查看办件统计');
    scope.assertCanRead(ctx.principal, unit.code);
    if (!(from < to)) throw platformError(PlatformErrorCode.VALIDATION_FAILED, 'from 须早于 to', 'from');
    return ctx.stats.load({ code: unit.code, period: { from, to } });
  }
}
