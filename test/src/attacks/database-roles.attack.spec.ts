import { databaseRolePassword, fallbackRoleKey } from '@sunlight/shared';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { startStack, type Stack } from '../support/start-stack';

/**
 * Issue 12, item 1: connected as a service (here: through the evaluations service's own pool,
 * what a SQL injection in it would reach), the database refuses everything beyond that service's
 * own rows. Before, every service connected as the superuser `postgres`.
 */
describe('attack: a service connection reaches beyond its own schema', () => {
  let stack: Stack;
  let evaluations: DataSource;
  let cases: DataSource;

  beforeAll(async () => {
    stack = await startStack();
    evaluations = stack.subgraphs['evaluations']!.serviceDataSource;
    cases = stack.subgraphs['cases']!.serviceDataSource;
  });
  afterAll(() => stack.stop());

  const refused = (ds: DataSource, sql: string) => expect(ds.query(sql)).rejects.toThrow(/permission denied|must be/);

  it('runs as its own role: not a superuser, no BYPASSRLS, no CREATEROLE', async () => {
    const [me] = await evaluations.query(
      'SELECT current_user AS name, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user',
    );
    expect(me).toEqual({
      name: 'sunlight_evaluations',
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
    });
  });

  it("cannot read the cases' applicant data nor the complaints' encrypted identities", async () => {
    await refused(evaluations, 'SELECT applicant_name FROM cases."case" LIMIT 1');
    await refused(evaluations, 'SELECT identity_cipher FROM complaints.complaint LIMIT 1');
    await refused(evaluations, 'SELECT * FROM cases.case_event LIMIT 1');
    await refused(evaluations, 'SELECT * FROM complaints.outbox LIMIT 1');
  });

  it('cannot disable the trace guard, alter, truncate or drop, even on its own tables', async () => {
    await refused(cases, 'ALTER TABLE case_event DISABLE TRIGGER case_event_append_only');
    await refused(cases, "SET session_replication_role = 'replica'");
    await refused(cases, 'ALTER TABLE "case" ADD COLUMN x int');
    await refused(cases, 'TRUNCATE card');
    await refused(cases, 'DROP TABLE card');
    await refused(cases, 'CREATE TABLE cases.intruder (x int)');
    await refused(evaluations, 'ALTER TABLE rating DISABLE ROW LEVEL SECURITY');
  });

  it('may only insert and read the trace: UPDATE and DELETE are refused by privilege, not only by the trigger', async () => {
    // the role lacks the privilege itself: the trigger never runs
    await expect(cases.query("UPDATE case_event SET actor = 'x' WHERE false")).rejects.toThrow(/permission denied/);
    await expect(cases.query('DELETE FROM case_event WHERE false')).rejects.toThrow(/permission denied/);
    await expect(
      stack.subgraphs['complaints']!.serviceDataSource.query('DELETE FROM complaint_event WHERE false'),
    ).rejects.toThrow(/permission denied/);
    const [{ privileges }] = await cases.query(
      `SELECT array_agg(p ORDER BY p) AS privileges FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','TRIGGER']) p
        WHERE has_table_privilege('case_event', p)`,
    );
    expect(privileges).toEqual(['INSERT', 'SELECT']);
  });

  it('cannot read server files nor run programs', async () => {
    await refused(evaluations, "SELECT pg_read_file('/etc/passwd')");
    await refused(evaluations, "SELECT pg_ls_dir('.')");
    await refused(evaluations, "COPY (SELECT 1) TO PROGRAM 'true'");
  });

  it("the alerts service reads the neighbours' outboxes and nothing else of theirs", async () => {
    const alerts = stack.subgraphs['alerts']!.serviceDataSource;
    await expect(alerts.query('SELECT count(*) FROM cases.outbox')).resolves.toHaveLength(1);
    await expect(alerts.query('SELECT count(*) FROM complaints.outbox')).resolves.toHaveLength(1);
    await refused(alerts, 'SELECT count(*) FROM cases."case"');
    await refused(alerts, 'DELETE FROM cases.outbox WHERE false');
    await refused(alerts, 'SELECT count(*) FROM powers.outbox');
  });

  it("the gateway's role logs in to LISTEN and reads no table", async () => {
    // the platform derives the gateway's password as it derives every service's
    const url = new URL(stack.databaseUrl);
    url.username = 'sunlight_gateway';
    url.password = databaseRolePassword(fallbackRoleKey(stack.databaseUrl), 'sunlight_gateway');
    const gateway = new Client({ connectionString: url.toString() });
    await gateway.connect();
    try {
      await gateway.query('LISTEN sunlight_outbox_cases');
      await expect(gateway.query('SELECT 1 FROM cases.outbox LIMIT 1')).rejects.toThrow(/permission denied/);
    } finally {
      await gateway.end();
    }
  });
});
