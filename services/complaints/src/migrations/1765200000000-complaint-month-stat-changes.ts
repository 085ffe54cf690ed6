import { trackRollupChangesSql, untrackRollupChangesSql } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { COMPLAINT_MONTH_STAT } from './1763770700000-complaint-month-stat';

/** Each complaint rollup row records the transaction that last changed it, so the service's in-memory subtree sums can follow it. */
export class ComplaintMonthStatChanges1765200000000 implements MigrationInterface {
  name = 'ComplaintMonthStatChanges1765200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of trackRollupChangesSql(COMPLAINT_MONTH_STAT)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of untrackRollupChangesSql(COMPLAINT_MONTH_STAT)) await q.query(sql);
  }
}
