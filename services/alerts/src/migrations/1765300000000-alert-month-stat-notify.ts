import { rollupChangeNotify } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ALERT_MONTH_STAT } from './1763770800000-alert-month-stat';

/** Acknowledging or disposing of an alert publishes no event; its rollup row tells listeners (the gateway's cache) which unit's figures changed. */
export class AlertMonthStatNotify1765300000000 implements MigrationInterface {
  name = 'AlertMonthStatNotify1765300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of rollupChangeNotify.up(ALERT_MONTH_STAT.table)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of rollupChangeNotify.down(ALERT_MONTH_STAT.table)) await q.query(sql);
  }
}
