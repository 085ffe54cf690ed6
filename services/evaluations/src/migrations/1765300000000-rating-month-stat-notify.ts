import { rollupChangeNotify } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RATING_MONTH_STAT } from './1763770600000-rating-month-stat';

/** A plain rating publishes no event; its rollup row tells listeners (the gateway's cache) which unit's figures changed. */
export class RatingMonthStatNotify1765300000000 implements MigrationInterface {
  name = 'RatingMonthStatNotify1765300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of rollupChangeNotify.up(RATING_MONTH_STAT.table)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of rollupChangeNotify.down(RATING_MONTH_STAT.table)) await q.query(sql);
  }
}
