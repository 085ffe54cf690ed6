import { platformError, PlatformErrorCode, Role, scope, unitCode, type Principal } from '@sunlight/shared';
import DataLoader from 'dataloader';
import { Arg, Ctx, Directive, Field, FieldResolver, Float, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { ComplaintsConfig } from '../complaints-config';
import type { ComplaintsContext } from '../complaints.context';
import { complaintVisibility } from '../complaint/complaint-visibility';

/** `Unit`, owned by the powers subgraph; complaints adds statistics. */
@Directive('@key(fields: "code")')
@ObjectType('Unit')
export class UnitRef {
  @Field(() => ID)
  code: string;
}

@ObjectType({ description: "Complaint statistics of a unit's subtree for a period, counting only complaints the caller may see." })
export class ComplaintStats {
  @Field(() => Int, { description: 'Complaints received about units in the subtree.' })
  received: number;

  @Field(() => Float, { nullable: true, description: 'Share of concluded complaints found substantiated or partly substantiated.' })
  substantiatedRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Complaints per 10,000 cases filed in the subtree in the period; null when no cases.' })
  per10kCases: number | null;

  @Field(() => Float, { nullable: true, description: 'Average working days from acceptance to conclusion.' })
  averageWorkingDaysToConclude: number | null;

  @Field(() => Int)
  noticesOpen: number;

  @Field(() => Int)
  noticesOverdue: number;
}

/** One statement per (caller, period) for any number of units. */
export function createComplaintStatsLoader(ds: DataSource, config: Pick<ComplaintsConfig, 'casesFiled'>, principal: Principal) {
  return new DataLoader<{ code: string; from: Date; to: Date }, ComplaintStats, string>(
    async (keys) => {
      const out = new Map<string, ComplaintStats>();
      const periods = new Map<string, { from: Date; to: Date; codes: string[] }>();
      for (const k of keys) {
        const p = `${k.from.toISOString()}|${k.to.toISOString()}`;
        const g = periods.get(p) ?? { from: k.from, to: k.to, codes: [] };
        g.codes.push(k.code);
        periods.set(p, g);
      }
      for (const [p, g] of periods) {
        const ranges = g.codes.map((c) => unitCode.subtreeRange(c));
        const params: unknown[] = [g.codes, ranges.map((r) => r.low), ranges.map((r) => r.high), g.from, g.to];
        const visible = complaintVisibility.sqlFilter(principal, principal.unit!, params);
        // The period's visible complaints and the open notices are aggregated once per unit that
        // has any, then summed over each asked-for subtree (a few thousand rows, not a scan per unit).
        const rows: { code: string; received: number; concluded: number; substantiated: number; avg_days: number | null; open_notices: number; overdue_notices: number }[] = await ds.query(
          `WITH v AS (
             SELECT c.accused_unit AS unit_code, count(*) AS received,
                    count(*) FILTER (WHERE c.conclusion IS NOT NULL) AS concluded,
                    count(*) FILTER (WHERE c.conclusion IN ('SUBSTANTIATED', 'PARTLY_SUBSTANTIATED')) AS substantiated,
                    sum(c.working_days_to_conclude) AS days_sum, count(c.working_days_to_conclude) AS days_n
               FROM complaint c WHERE c.received_at >= $4 AND c.received_at < $5 AND ${visible}
              GROUP BY 1),
           n AS (
             SELECT n.unit_code, count(*) AS open_notices, count(*) FILTER (WHERE n.overdue_at IS NOT NULL) AS overdue_notices
               FROM notice n WHERE n.status = 'OPEN' GROUP BY 1),
           u AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS u(code, low, high)),
           a AS (
             SELECT u.code, coalesce(sum(v.received), 0)::int AS received, coalesce(sum(v.concluded), 0)::int AS concluded,
                    coalesce(sum(v.substantiated), 0)::int AS substantiated, (sum(v.days_sum)::float / nullif(sum(v.days_n), 0)) AS avg_days
               FROM u LEFT JOIN v ON v.unit_code::text COLLATE "C" BETWEEN u.low AND u.high GROUP BY u.code),
           b AS (
             SELECT u.code, coalesce(sum(n.open_notices), 0)::int AS open_notices, coalesce(sum(n.overdue_notices), 0)::int AS overdue_notices
               FROM u LEFT JOIN n ON n.unit_code::text COLLATE "C" BETWEEN u.low AND u.high GROUP BY u.code)
           SELECT a.*, b.open_notices, b.overdue_notices FROM a JOIN b USING (code)`,
          params,
        );
        const filed = await config.casesFiled(g.codes, g.from, g.to).catch(() => new Map<string, number>());
        for (const r of rows) {
          const cases = filed.get(r.code);
          out.set(`${r.code}|${p}`, {
            received: r.received,
            substantiatedRate: r.concluded > 0 ? Math.round((r.substantiated / r.concluded) * 10000) / 10000 : null,
            per10kCases: cases ? Math.round((r.received / cases) * 10000 * 100) / 100 : null,
            averageWorkingDaysToConclude: r.avg_days === null ? null : Math.round(r.avg_days * 100) / 100,
            noticesOpen: r.open_notices,
            noticesOverdue: r.overdue_notices,
          });
        }
      }
      return keys.map((k) => out.get(`${k.code}|${k.from.toISOString()}|${k.to.toISOString()}`)!);
    },
    { cacheKeyFn: (k) => `${k.code}|${k.from.toISOString()}|${k.to.toISOString()}` },
  );
}

@Resolver(() => UnitRef)
export class UnitComplaintStatsResolver {
  @FieldResolver(() => ComplaintStats, { description: 'Complaint statistics (inspectors and leaders in scope), counting only complaints you may see.' })
  complaintStats(@Root() u: UnitRef, @Arg('from') from: Date, @Arg('to') to: Date, @Ctx() ctx: ComplaintsContext): Promise<ComplaintStats> {
    scope.assertRole(ctx.principal, [Role.INSPECTOR, Role.LEADER], 'read complaint statistics');
    scope.assertCanRead(ctx.principal, u.code);
    if (!(from < to)) throw platformError(PlatformErrorCode.VALIDATION_FAILED, 'from must be before to', 'from');
    return ctx.complaintStats.load({ code: u.code, from, to });
  }
}
