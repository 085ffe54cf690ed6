import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Alerts, raised from every service's events, with their disposal. */
export class Alerts1763770400000 implements MigrationInterface {
  name = 'Alerts1763770400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alert (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        kind text NOT NULL,
        level text NOT NULL CHECK (level IN ('REMINDER', 'YELLOW', 'RED')),
        unit_code char(12) NOT NULL,
        subject_type text NOT NULL CHECK (subject_type IN ('Case', 'Complaint', 'Notice', 'Unit')),
        subject_id text NOT NULL,
        dedupe_key text NOT NULL,
        accused_unit char(12),
        accused_department uuid,
        against_leadership boolean NOT NULL DEFAULT false,
        title text NOT NULL,
        details jsonb NOT NULL,
        source text NOT NULL,
        source_event_id bigint NOT NULL,
        raised_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'DISPOSED')),
        acknowledged_by text,
        acknowledged_at timestamptz,
        disposal_kind text CHECK (disposal_kind IN ('DISMISSED', 'NOTICE_ISSUED', 'ACCOUNTABILITY_STARTED')),
        disposal_note text,
        disposed_by text,
        disposed_at timestamptz,
        UNIQUE (kind, level, dedupe_key)
      )`);
    await q.query('CREATE INDEX alert_unit ON alert (unit_code, seq)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE alert');
  }
}
