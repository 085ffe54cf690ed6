import { trackRollupChangesSql, untrackRollupChangesSql } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ALERT_MONTH_STAT } from './1763770800000-alert-month-stat';

/** Each alert rollup row records the transaction that last changed it, so the service's in-memory subtree sums can follow it. */
export class AlertMonthStatChanges1765200000000 implements MigrationInterface {
  name = 'AlertMonthStatChanges1765200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of trackRollupChangesSql(ALERT_MONTH_STAT)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of untrackRollupChangesSql(ALERT_MONTH_STAT)) await q.query(sql);
  }
}
