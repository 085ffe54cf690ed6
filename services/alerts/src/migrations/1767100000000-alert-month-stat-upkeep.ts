import { ADMIN_ALERT_KINDS, trackRollupChangesSql, type MonthRollupSpec } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ALERT_MONTH_STAT } from './1763770800000-alert-month-stat';

const UPKEEP = [...ADMIN_ALERT_KINDS].map((k) => `'${k}'`).join(', ');

/**
 * The alert rollup without the platform's upkeep alerts (ADMIN_ALERT_KINDS: the working calendar
 * lacks a year): they say nothing about a unit's conduct, so they count in no unit's figures
 * nor its risk index.
 */
export const ALERT_MONTH_STAT_WITHOUT_UPKEEP: MonthRollupSpec = {
  ...ALERT_MONTH_STAT,
  measures: Object.fromEntries(
    Object.entries(ALERT_MONTH_STAT.measures).map(([name, expr]) => [
      name,
      `(${expr.replace(/::int$/, '')} AND R.kind NOT IN (${UPKEEP}))::int`,
    ]),
  ),
};

/** Replaces the rollup's functions with ones that leave upkeep alerts out, and rebuilds it. */
export class AlertMonthStatUpkeep1767100000000 implements MigrationInterface {
  name = 'AlertMonthStatUpkeep1767100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of trackRollupChangesSql(ALERT_MONTH_STAT_WITHOUT_UPKEEP)) await q.query(sql);
    await q.query(`SELECT rebuild_${ALERT_MONTH_STAT.table}()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of trackRollupChangesSql(ALERT_MONTH_STAT)) await q.query(sql);
    await q.query(`SELECT rebuild_${ALERT_MONTH_STAT.table}()`);
  }
}
