import { trackRollupChangesSql, untrackRollupChangesSql } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RATING_MONTH_STAT } from './1763770600000-rating-month-stat';

/** Each rating rollup row records the transaction that last changed it, so the service's in-memory subtree sums can follow it. */
export class RatingMonthStatChanges1765200000000 implements MigrationInterface {
  name = 'RatingMonthStatChanges1765200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of trackRollupChangesSql(RATING_MONTH_STAT)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of untrackRollupChangesSql(RATING_MONTH_STAT)) await q.query(sql);
  }
}
