import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ratings, rating devices, indicator sets, review campaigns, ballots and reviews. */
export class Evaluations1763770000000 implements MigrationInterface {
  name = 'Evaluations1763770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rating_device (
        id uuid PRIMARY KEY,
        unit_code char(12) NOT NULL,
        department_id uuid NOT NULL,
        name text NOT NULL,
        key_hash char(64) NOT NULL UNIQUE,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // No rater identity is stored. A case rating keeps only a keyed hash of (case, step) to refuse
    // a second rating of the same stage; without the server key it cannot be joined to the case.
    await q.query(`
      CREATE TABLE rating (
        id uuid PRIMARY KEY,
        source text NOT NULL CHECK (source IN ('CASE', 'DEVICE')),
        unit_code char(12) NOT NULL,
        department_id uuid NOT NULL,
        post_id uuid,
        power_id uuid,
        step_no int,
        stage_key char(64) UNIQUE,
        device_id uuid REFERENCES rating_device (id),
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        tags text[] NOT NULL DEFAULT '{}',
        comment text,
        rated_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX rating_unit ON rating (unit_code, rated_on)');
    await q.query('CREATE INDEX rating_department ON rating (department_id, rated_on)');
    await q.query('CREATE INDEX rating_post ON rating (post_id, rated_on) WHERE post_id IS NOT NULL');
    await q.query(`
      CREATE TABLE indicator_set (
        id uuid PRIMARY KEY,
        owner_unit char(12),
        tier text NOT NULL CHECK (tier IN ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
        version int NOT NULL,
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
        content jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX indicator_set_version ON indicator_set (COALESCE(owner_unit, '000000000000'), tier, version)`,
    );
    await q.query(`
      CREATE TABLE campaign (
        id uuid PRIMARY KEY,
        owner_unit char(12) NOT NULL,
        name text NOT NULL,
        target_kind text NOT NULL CHECK (target_kind IN ('UNIT', 'LEADERSHIP', 'KEY_POST')),
        reviewer_kinds text[] NOT NULL,
        expected_reviewers int NOT NULL CHECK (expected_reviewers > 0),
        opened_by text NOT NULL,
        opened_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        closed_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE campaign_target (
        campaign_id uuid NOT NULL REFERENCES campaign (id),
        target_id text NOT NULL,
        unit_code char(12) NOT NULL,
        post_id uuid,
        tier text NOT NULL,
        label text NOT NULL,
        indicator_set_id uuid NOT NULL REFERENCES indicator_set (id),
        PRIMARY KEY (campaign_id, target_id)
      )`);
    await q.query(`
      CREATE TABLE ballot (
        campaign_id uuid NOT NULL REFERENCES campaign (id),
        code_hash char(64) NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PUBLIC', 'REPRESENTATIVE')),
        batch int NOT NULL,
        PRIMARY KEY (campaign_id, code_hash)
      )`);
    await q.query(`
      CREATE TABLE review (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL REFERENCES campaign (id),
        target_id text NOT NULL,
        reviewer_key char(64) NOT NULL,
        reviewer_kind text NOT NULL,
        scores jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (campaign_id, target_id, reviewer_key),
        FOREIGN KEY (campaign_id, target_id) REFERENCES campaign_target (campaign_id, target_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['review', 'ballot', 'campaign_target', 'campaign', 'indicator_set', 'rating', 'rating_device'])
      await q.query(`DROP TABLE ${t}`);
  }
}
