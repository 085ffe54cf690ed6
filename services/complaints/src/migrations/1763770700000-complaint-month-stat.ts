import { dropMonthRollupSql, localMonth, monthRollupSql, type MonthRollupSpec } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaints by the accused unit and the local month received. Complaints against a unit's
 * leadership are left out: they are handled in confidence one tier up, and a monthly count at
 * the accused unit would tell its leaders that one exists.
 */
export const COMPLAINT_MONTH_STAT: MonthRollupSpec = {
  table: 'complaint_month_stat',
  source: 'complaint',
  unit: 'R.accused_unit',
  month: localMonth('R.received_at'),
  measures: {
    received: '(NOT R.against_leadership)::int',
    concluded: '(NOT R.against_leadership AND R.conclusion IS NOT NULL)::int',
    substantiated:
      "(NOT R.against_leadership AND R.conclusion IS NOT NULL AND R.conclusion IN ('SUBSTANTIATED', 'PARTLY_SUBSTANTIATED'))::int",
  },
  watch: ['accused_unit', 'against_leadership', 'conclusion'],
};

/** The monthly complaint rollup that the risk index reads (kept by trigger). */
export class ComplaintMonthStat1763770700000 implements MigrationInterface {
  name = 'ComplaintMonthStat1763770700000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of monthRollupSql(COMPLAINT_MONTH_STAT)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropMonthRollupSql(COMPLAINT_MONTH_STAT)) await q.query(sql);
  }
}
