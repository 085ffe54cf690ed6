import { unitCode, type Principal } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { complaintVisibility } from '../complaint/complaint-visibility';

/** One unit's subtree: the complaints `principal` may see received in the period, and its open notices. */
export interface ComplaintStatsRow {
  code: string;
  received: number;
  concluded: number;
  substantiated: number;
  avg_days: number | null;
  open_notices: number;
  overdue_notices: number;
}

/**
 * Complaint counts of `codes`' subtrees for complaints received in [from, to) that `principal`
 * may see, in one statement for any number of units: the period's visible complaints and the open
 * notices are aggregated once per unit that has any, then summed over each asked-for subtree (a
 * few thousand rows, not a scan per unit).
 */
export function complaintStatsRows(
  ds: DataSource,
  principal: Principal,
  codes: string[],
  from: Date,
  to: Date,
): Promise<ComplaintStatsRow[]> {
  const ranges = codes.map((c) => unitCode.subtreeRange(c));
  const params: unknown[] = [codes, ranges.map((r) => r.low), ranges.map((r) => r.high), from, to];
  const visible = complaintVisibility.sqlFilter(principal, principal.unit!, params);
  return ds.query(
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
}
