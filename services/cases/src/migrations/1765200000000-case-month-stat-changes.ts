import { trackRollupChangesSql, untrackRollupChangesSql } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CASE_MONTH_STAT } from './1763770500000-case-month-stat';

/** Each case rollup row records the transaction that last changed it, so the service's in-memory subtree sums can follow it. */
export class CaseMonthStatChanges1765200000000 implements MigrationInterface {
  name = 'CaseMonthStatChanges1765200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of trackRollupChangesSql(CASE_MONTH_STAT)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of untrackRollupChangesSql(CASE_MONTH_STAT)) await q.query(sql);
  }
}
