import { dropMonthRollupSql, localMonth, monthRollupSql, type MonthRollupSpec } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases by the unit that filed them and the local month they were filed in. */
export const CASE_MONTH_STAT: MonthRollupSpec = {
  table: 'case_month_stat',
  source: '"case"',
  unit: 'R.unit_code',
  month: localMonth('R.received_at'),
  measures: {
    filed: '1',
    completed: "(R.status = 'COMPLETED')::int",
    overdue: "(R.card_level IS NOT NULL AND R.card_level IN ('YELLOW', 'RED'))::int",
    late: "(R.status = 'COMPLETED' AND R.on_time IS FALSE)::int",
    on_time: "(R.status = 'COMPLETED' AND R.on_time IS TRUE)::int",
    withdrawn: "(R.status = 'WITHDRAWN')::int",
    timed: "(R.status = 'COMPLETED' AND R.working_days IS NOT NULL)::int",
    working_days: "CASE WHEN R.status = 'COMPLETED' THEN coalesce(R.working_days, 0) ELSE 0 END",
  },
  watch: ['status', 'card_level', 'on_time', 'working_days'],
};

/** The monthly case rollup that dashboards and the risk index read (kept by trigger). */
export class CaseMonthStat1763770500000 implements MigrationInterface {
  name = 'CaseMonthStat1763770500000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of monthRollupSql(CASE_MONTH_STAT)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropMonthRollupSql(CASE_MONTH_STAT)) await q.query(sql);
  }
}
