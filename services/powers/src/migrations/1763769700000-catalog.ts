import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The unit tree, departments, posts, accounts and the versioned power catalog. */
export class Catalog1763769700000 implements MigrationInterface {
  name = 'Catalog1763769700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit (
        code char(12) PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
        name text NOT NULL,
        tier text NOT NULL CHECK (tier IN ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
        parent_code char(12) REFERENCES unit (code),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX unit_parent ON unit (parent_code)');
    await q.query(`
      CREATE TABLE department (
        id uuid PRIMARY KEY,
        unit_code char(12) NOT NULL REFERENCES unit (code),
        code text NOT NULL,
        name text NOT NULL,
        supervisory boolean NOT NULL DEFAULT false,
        UNIQUE (unit_code, code)
      )`);
    await q.query(`
      CREATE TABLE post (
        id uuid PRIMARY KEY,
        department_id uuid NOT NULL REFERENCES department (id),
        code text NOT NULL,
        name text NOT NULL,
        UNIQUE (department_id, code)
      )`);
    await q.query(`
      CREATE TABLE account (
        subject text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('CLERK', 'LEADER', 'INSPECTOR', 'ADMIN')),
        unit_code char(12) NOT NULL REFERENCES unit (code),
        department_id uuid REFERENCES department (id)
      )`);
    await q.query(`
      CREATE TABLE power (
        id uuid PRIMARY KEY,
        unit_code char(12) NOT NULL REFERENCES unit (code),
        code text NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
        latest_version int NOT NULL,
        published_version int,
        retired_reason text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (unit_code, code)
      )`);
    await q.query(`
      CREATE TABLE power_version (
        power_id uuid NOT NULL REFERENCES power (id),
        version int NOT NULL CHECK (version >= 1),
        state text NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
        name text NOT NULL,
        category text NOT NULL,
        legal_basis text NOT NULL,
        department_id uuid NOT NULL REFERENCES department (id),
        post_id uuid REFERENCES post (id),
        conditions text NOT NULL DEFAULT '',
        fees text NOT NULL DEFAULT '',
        statutory_days int NOT NULL CHECK (statutory_days > 0),
        promised_days int NOT NULL CHECK (promised_days > 0 AND promised_days <= statutory_days),
        supervisor_department_id uuid REFERENCES department (id),
        edited_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        PRIMARY KEY (power_id, version)
      )`);
    await q.query('CREATE INDEX power_version_department ON power_version (department_id)');
    await q.query(`
      CREATE TABLE flow_step (
        power_id uuid NOT NULL,
        version int NOT NULL,
        step_no int NOT NULL CHECK (step_no >= 1),
        name text NOT NULL,
        post_id uuid REFERENCES post (id),
        time_limit_days int NOT NULL CHECK (time_limit_days > 0),
        description text NOT NULL DEFAULT '',
        PRIMARY KEY (power_id, version, step_no),
        FOREIGN KEY (power_id, version) REFERENCES power_version (power_id, version)
      )`);
    // Items keep their id across versions; (power, version, id) identifies one row.
    await q.query(`
      CREATE TABLE risk_point (
        power_id uuid NOT NULL,
        version int NOT NULL,
        id uuid NOT NULL,
        step_no int,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
        description text NOT NULL,
        measures text[] NOT NULL,
        PRIMARY KEY (power_id, version, id),
        FOREIGN KEY (power_id, version) REFERENCES power_version (power_id, version)
      )`);
    await q.query('CREATE INDEX risk_point_level ON risk_point (level, power_id, version)');
    await q.query(`
      CREATE TABLE efficiency_point (
        power_id uuid NOT NULL,
        version int NOT NULL,
        id uuid NOT NULL,
        step_no int,
        description text NOT NULL,
        time_limit_days int CHECK (time_limit_days > 0),
        PRIMARY KEY (power_id, version, id),
        FOREIGN KEY (power_id, version) REFERENCES power_version (power_id, version)
      )`);
    await q.query(`
      CREATE TABLE checkpoint (
        power_id uuid NOT NULL,
        version int NOT NULL,
        id uuid NOT NULL,
        step_no int NOT NULL,
        kind text NOT NULL,
        params jsonb NOT NULL,
        legal_basis text NOT NULL,
        description text NOT NULL DEFAULT '',
        PRIMARY KEY (power_id, version, id),
        FOREIGN KEY (power_id, version) REFERENCES power_version (power_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'checkpoint',
      'efficiency_point',
      'risk_point',
      'flow_step',
      'power_version',
      'power',
      'account',
      'post',
      'department',
      'unit',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
