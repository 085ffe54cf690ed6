import { checkPageSize, cursor, Role, scope, toPage, unitCode } from '@sunlight/shared';
import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { PageInfo } from '@sunlight/shared';
import { DepartmentRef, PostRef, UnitRef } from '../unit/entity-refs';
import type { EvaluationsContext } from '../evaluations.context';
import { RatingComment } from '../rating/rating.type';
import type { RatingTag } from '../rating/rating.input';
import { datePeriod } from './period';
import { Satisfaction, SatisfactionMonth } from './satisfaction.type';

@ObjectType()
export class RatingCommentEdge {
  @Field(() => RatingComment)
  node: RatingComment;

  @Field()
  cursor: string;
}

@ObjectType()
export class RatingCommentConnection {
  @Field(() => [RatingCommentEdge])
  edges: RatingCommentEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

const PERIOD = {
  from: { description: 'First day, YYYY-MM-DD.' },
  to: { description: 'Day after the last, YYYY-MM-DD.' },
};

@Resolver(() => UnitRef)
export class UnitSatisfactionResolver {
  @FieldResolver(() => Satisfaction, {
    nullable: true,
    description: "Satisfaction of the unit's subtree for ratings dated in [from, to). Public: aggregates only.",
  })
  satisfaction(
    @Root() u: UnitRef,
    @Arg('from', PERIOD.from) from: string,
    @Arg('to', PERIOD.to) to: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<Satisfaction> {
    ctx.evaluationsScope.assertAggregates(ctx.principal, u.code);
    return ctx.satisfaction.satisfaction.load({
      subject: { kind: 'unit', code: u.code },
      period: datePeriod(from, to),
    });
  }

  @FieldResolver(() => [SatisfactionMonth], {
    nullable: true,
    description: 'The monthly barometer (晴雨表) of the subtree.',
  })
  satisfactionSeries(
    @Root() u: UnitRef,
    @Arg('from', PERIOD.from) from: string,
    @Arg('to', PERIOD.to) to: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<SatisfactionMonth[]> {
    ctx.evaluationsScope.assertAggregates(ctx.principal, u.code);
    return ctx.satisfaction.series.load({ code: u.code, period: datePeriod(from, to) });
  }

  @FieldResolver(() => RatingCommentConnection, {
    nullable: true,
    description: "Ratings with comments in the unit's subtree, newest first: leaders and inspectors in scope only.",
  })
  async ratingComments(
    @Root() u: UnitRef,
    @Arg('from', PERIOD.from) from: string,
    @Arg('to', PERIOD.to) to: string,
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<RatingCommentConnection> {
    scope.assertRole(ctx.principal, [Role.LEADER, Role.INSPECTOR], '查看评价留言');
    scope.assertCanRead(ctx.principal, u.code);
    checkPageSize(first);
    const period = datePeriod(from, to);
    const { low, high } = unitCode.subtreeRange(u.code);
    const params: unknown[] = [low, high, period.from, period.to];
    let keyset = '';
    if (after) {
      const [at, id] = cursor.decode(after, 2);
      params.push(String(at), String(id));
      keyset = 'AND (created_at, id) < ($5::timestamptz, $6::uuid)';
    }
    const rows: {
      id: string;
      score: number;
      tags: RatingTag[];
      comment: string;
      rated_on: string;
      unit_code: string;
      department_id: string;
      step_no: number | null;
      source: string;
      created_at: Date;
    }[] = await ctx.dataSource.query(
      `SELECT id, score, tags, comment, rated_on::text, unit_code, department_id, step_no, source, created_at FROM rating
          WHERE unit_code BETWEEN $1 AND $2 AND rated_on >= $3 AND rated_on < $4 AND comment IS NOT NULL ${keyset}
          ORDER BY created_at DESC, id DESC LIMIT ${first + 1}`,
      params,
    );
    const page = toPage(rows, first, (r) => [r.created_at.toISOString(), r.id]);
    return {
      pageInfo: page.pageInfo,
      edges: page.edges.map(({ node: r, cursor: c }) => ({
        cursor: c,
        node: {
          id: r.id,
          score: r.score,
          tags: r.tags,
          comment: r.comment,
          ratedOn: r.rated_on,
          unitCode: r.unit_code,
          departmentId: r.department_id,
          stepNo: r.step_no,
          source: r.source,
        },
      })),
    };
  }
}

@Resolver(() => DepartmentRef)
export class DepartmentSatisfactionResolver {
  @FieldResolver(() => Satisfaction, {
    nullable: true,
    description: 'Satisfaction of the department, ranked among all departments with ratings in the period.',
  })
  satisfaction(
    @Root() d: DepartmentRef,
    @Arg('from', PERIOD.from) from: string,
    @Arg('to', PERIOD.to) to: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<Satisfaction> {
    return ctx.satisfaction.satisfaction.load({
      subject: { kind: 'department', id: d.id },
      period: datePeriod(from, to),
    });
  }
}

@Resolver(() => PostRef)
export class PostSatisfactionResolver {
  @FieldResolver(() => Satisfaction, {
    nullable: true,
    description:
      'Satisfaction of the post (key posts are rated publicly), ranked among posts with ratings. Public: aggregates only.',
  })
  satisfaction(
    @Root() p: PostRef,
    @Arg('from', PERIOD.from) from: string,
    @Arg('to', PERIOD.to) to: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<Satisfaction> {
    return ctx.satisfaction.satisfaction.load({ subject: { kind: 'post', id: p.id }, period: datePeriod(from, to) });
  }
}
