import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Complaints, their trace, routing rules, alarms, identity reveals, notices and rectification items. */
export class Complaints1763770200000 implements MigrationInterface {
  name = 'Complaints1763770200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE routing_rule (
        accused_tier text NOT NULL CHECK (accused_tier IN ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
        against_leadership boolean NOT NULL,
        route_to text NOT NULL CHECK (route_to IN ('SAME_UNIT', 'PARENT_UNIT')),
        PRIMARY KEY (accused_tier, against_leadership)
      )`);
    await q.query(`
      INSERT INTO routing_rule (accused_tier, against_leadership, route_to) VALUES
        ('CITY', false, 'SAME_UNIT'), ('CITY', true, 'PARENT_UNIT'),
        ('COUNTY', false, 'SAME_UNIT'), ('COUNTY', true, 'PARENT_UNIT'),
        ('TOWNSHIP', false, 'SAME_UNIT'), ('TOWNSHIP', true, 'PARENT_UNIT'),
        ('VILLAGE', false, 'PARENT_UNIT'), ('VILLAGE', true, 'PARENT_UNIT')`);
    await q.query('CREATE TABLE complaint_counter (year int PRIMARY KEY, last int NOT NULL)');
    await q.query(`
      CREATE TABLE complaint (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        channel text NOT NULL,
        category text NOT NULL,
        accused_kind text NOT NULL CHECK (accused_kind IN ('UNIT', 'LEADERSHIP', 'DEPARTMENT', 'PERSON')),
        accused_unit char(12) NOT NULL,
        accused_department uuid,
        accused_post uuid,
        accused_person text,
        against_leadership boolean NOT NULL,
        handler_unit char(12) NOT NULL,
        handler_subject text,
        case_id uuid,
        power_id uuid,
        description text NOT NULL,
        anonymous boolean NOT NULL,
        identity_cipher text,
        follow_up_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('RECEIVED', 'TRANSFERRED', 'ACCEPTED', 'INVESTIGATING', 'CONCLUDED', 'FEEDBACK_GIVEN')),
        conclusion text CHECK (conclusion IN ('SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'UNSUBSTANTIATED')),
        finding text,
        feedback text,
        received_at timestamptz NOT NULL,
        accepted_at timestamptz,
        concluded_at timestamptz,
        feedback_at timestamptz,
        stage_started_at timestamptz NOT NULL,
        stage_entry int NOT NULL DEFAULT 1,
        extension_days int NOT NULL DEFAULT 0,
        working_days_to_conclude int,
        last_seq int NOT NULL DEFAULT 0,
        last_hash char(64) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX complaint_handler ON complaint (handler_unit, received_at)');
    await q.query('CREATE INDEX complaint_accused ON complaint (accused_unit, received_at)');
    await q.query(
      `CREATE INDEX complaint_open ON complaint (id) WHERE status IN ('RECEIVED', 'TRANSFERRED', 'ACCEPTED', 'INVESTIGATING')`,
    );
    await q.query(`
      CREATE TABLE complaint_event (
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        seq int NOT NULL,
        kind text NOT NULL,
        actor text NOT NULL,
        at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        previous_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        idempotency_key text,
        PRIMARY KEY (complaint_id, seq)
      )`);
    await q.query(`
      CREATE TABLE complaint_alarm (
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        kind text NOT NULL CHECK (kind IN ('OVERDUE', 'ESCALATED')),
        stage text NOT NULL,
        stage_entry int NOT NULL,
        raised_at timestamptz NOT NULL,
        PRIMARY KEY (complaint_id, kind, stage, stage_entry)
      )`);
    await q.query(`
      CREATE TABLE identity_reveal (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        revealed_by text NOT NULL,
        reason text NOT NULL,
        revealed_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE follow_up_failure (
        client text NOT NULL,
        window_start timestamptz NOT NULL,
        failures int NOT NULL,
        PRIMARY KEY (client, window_start)
      )`);
    await q.query(`
      CREATE TABLE notice (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('INSPECTION', 'SUPERVISION')),
        unit_code char(12) NOT NULL,
        issuer_unit char(12) NOT NULL,
        issued_by text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        deadline date NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        cited_complaints uuid[] NOT NULL DEFAULT '{}',
        cited_cases uuid[] NOT NULL DEFAULT '{}',
        cited_alerts uuid[] NOT NULL DEFAULT '{}',
        overdue_at timestamptz,
        issued_at timestamptz NOT NULL,
        closed_at timestamptz
      )`);
    await q.query('CREATE INDEX notice_unit ON notice (unit_code, issued_at)');
    await q.query(`
      CREATE TABLE notice_item (
        notice_id uuid NOT NULL REFERENCES notice (id),
        item_no int NOT NULL,
        description text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'ANSWERED', 'RETURNED', 'ACCEPTED')),
        report text,
        evidence jsonb NOT NULL DEFAULT '[]',
        answered_by text,
        answered_at timestamptz,
        reviewed_by text,
        review_comment text,
        reviewed_at timestamptz,
        PRIMARY KEY (notice_id, item_no)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'notice_item',
      'notice',
      'follow_up_failure',
      'identity_reveal',
      'complaint_alarm',
      'complaint_event',
      'complaint',
      'complaint_counter',
      'routing_rule',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
