import { appendOnlySql, attachmentTableSql, calendarTableSql, CHINA_2026 } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only trace and evidence storage, and the working-day calendar (2026 seeded). */
export class AppendOnlyAndCalendar1763770300000 implements MigrationInterface {
  name = 'AppendOnlyAndCalendar1763770300000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [...attachmentTableSql(), ...appendOnlySql('complaint_event'), ...calendarTableSql(CHINA_2026)])
      await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_day');
    await q.query('DROP TRIGGER complaint_event_append_only ON complaint_event');
    await q.query('DROP TRIGGER complaint_event_no_truncate ON complaint_event');
    await q.query('DROP TABLE attachment');
  }
}
