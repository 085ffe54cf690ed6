import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, their step log, suspensions, the append-only hash-chained trace, attachments, cards. */
export class Cases1763769800000 implements MigrationInterface {
  name = 'Cases1763769800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_counter (
        unit_code char(12) NOT NULL,
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (unit_code, year)
      )`);
    await q.query(`
      CREATE TABLE "case" (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        unit_code char(12) NOT NULL CHECK (unit_code ~ '^[0-9]{12}$'),
        department_id uuid NOT NULL,
        power_id uuid NOT NULL,
        power_version int NOT NULL,
        power_snapshot jsonb NOT NULL,
        applicant_name text NOT NULL,
        applicant_id_number text NOT NULL,
        applicant_phone text NOT NULL,
        details text NOT NULL,
        amounts jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('RECEIVED', 'IN_PROGRESS', 'SUSPENDED', 'COMPLETED', 'WITHDRAWN')),
        outcome text CHECK (outcome IN ('APPROVED', 'REJECTED')),
        current_step int NOT NULL,
        step_entry int NOT NULL DEFAULT 1,
        step_started_at timestamptz NOT NULL,
        step_extension_days int NOT NULL DEFAULT 0,
        case_extension_days int NOT NULL DEFAULT 0,
        received_at timestamptz NOT NULL,
        completed_at timestamptz,
        suspended_since timestamptz,
        card_level text CHECK (card_level IN ('REMINDER', 'YELLOW', 'RED')),
        working_days int,
        on_time boolean,
        filed_by text NOT NULL,
        last_seq int NOT NULL DEFAULT 0,
        last_hash text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX case_unit_received ON "case" (unit_code, received_at, id)');
    await q.query(`CREATE INDEX case_open ON "case" (id) WHERE status IN ('RECEIVED', 'IN_PROGRESS')`);
    await q.query('CREATE INDEX case_power ON "case" (power_id)');
    await q.query(`
      CREATE TABLE case_step_log (
        case_id uuid NOT NULL REFERENCES "case" (id),
        entry int NOT NULL,
        step_no int NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        handled_by text,
        PRIMARY KEY (case_id, entry)
      )`);
    await q.query(`
      CREATE TABLE case_pause (
        case_id uuid NOT NULL REFERENCES "case" (id),
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        reason text NOT NULL,
        PRIMARY KEY (case_id, started_at)
      )`);
    await q.query(`
      CREATE TABLE case_event (
        case_id uuid NOT NULL REFERENCES "case" (id),
        seq int NOT NULL,
        kind text NOT NULL,
        actor text NOT NULL,
        at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        previous_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        idempotency_key text,
        PRIMARY KEY (case_id, seq)
      )`);
    await q.query(`
      CREATE TABLE attachment (
        sha256 char(64) PRIMARY KEY,
        content bytea NOT NULL,
        size int NOT NULL,
        media_type text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The trace and the attachments are append-only: the database itself refuses changes.
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['case_event', 'attachment']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      );
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC`);
    }
    await q.query(`
      CREATE TABLE card (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES "case" (id),
        unit_code char(12) NOT NULL,
        level text NOT NULL CHECK (level IN ('REMINDER', 'YELLOW', 'RED')),
        scope text NOT NULL,
        step_no int,
        reason text NOT NULL,
        raised_at timestamptz NOT NULL,
        UNIQUE (case_id, level, scope)
      )`);
    await q.query('CREATE INDEX card_unit ON card (unit_code, raised_at)');
    await q.query(`
      CREATE TABLE lookup_failure (
        client text NOT NULL,
        window_start timestamptz NOT NULL,
        failures int NOT NULL,
        PRIMARY KEY (client, window_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'lookup_failure',
      'card',
      'attachment',
      'case_event',
      'case_pause',
      'case_step_log',
      '"case"',
      'case_counter',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query('DROP FUNCTION refuse_change()');
  }
}
