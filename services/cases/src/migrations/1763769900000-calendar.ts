import { calendarTableSql, CHINA_2026 } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The working-day calendar: public holidays and make-up working days, seeded with 2026. */
export class Calendar1763769900000 implements MigrationInterface {
  name = 'Calendar1763769900000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of calendarTableSql(CHINA_2026)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_day');
  }
}
