import { dropMonthRollupSql, localMonth, monthRollupSql, type MonthRollupSpec } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Alerts by unit and local month raised; alerts about a unit's leadership are left out, as for complaints. */
export const ALERT_MONTH_STAT: MonthRollupSpec = {
  table: 'alert_month_stat',
  source: 'alert',
  unit: 'R.unit_code',
  month: localMonth('R.raised_at'),
  measures: {
    raised: '(NOT R.against_leadership)::int',
    red: "(NOT R.against_leadership AND R.level = 'RED')::int",
    undisposed: "(NOT R.against_leadership AND R.status <> 'DISPOSED')::int",
  },
  watch: ['status', 'level', 'against_leadership'],
};

/** The monthly alert rollup that the risk index reads (kept by trigger). */
export class AlertMonthStat1763770800000 implements MigrationInterface {
  name = 'AlertMonthStat1763770800000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of monthRollupSql(ALERT_MONTH_STAT)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropMonthRollupSql(ALERT_MONTH_STAT)) await q.query(sql);
  }
}
