import { Client } from 'pg';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { calendarTableSql } from '../calendar/calendar-table-sql';
import { CHINA_2026 } from '../calendar/china-2026';
import { loadHolidayNotice } from '../calendar/load-holiday-notice';
import { SharedCalendarMigration } from '../calendar/shared-calendar.migration';
import { ConfigError } from '../config/config-error';
import { fictionalHolidayNotice } from '../testing/fictional-holiday-notice';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { appendOnlySql } from '../trace/append-only-sql';
import { ensureDatabaseRoles } from './ensure-database-roles';
import { openServiceDatabase, type ServiceDatabase } from './open-service-database';
import { PlatformTables1763769600000 } from './platform-tables.migration';
import { DATABASE_ROLE_HOLDERS, databaseRoleName } from './service-roles';

/** A trace table guarded like the real ones, and a plain table. */
class TinyTables1700000000000 implements MigrationInterface {
  name = 'TinyTables1700000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE trace (id bigserial PRIMARY KEY, what text NOT NULL)');
    for (const sql of appendOnlySql('trace')) await q.query(sql);
    await q.query('CREATE TABLE note (id bigserial PRIMARY KEY, what text NOT NULL)');
  }
  async down(): Promise<void> {}
}

/** A service's own copy of the calendar, as cases and complaints had, moved to the shared one. */
class OwnCalendar1700000000001 implements MigrationInterface {
  name = 'OwnCalendar1700000000001';
  async up(q: QueryRunner): Promise<void> {
    for (const sql of calendarTableSql(CHINA_2026)) await q.query(sql);
  }
  async down(): Promise<void> {}
}
class CasesCalendar1700000000002 extends SharedCalendarMigration {
  name = 'CasesCalendar1700000000002';
  protected readonly schema = 'cases';
}
class ComplaintsCalendar1700000000002 extends SharedCalendarMigration {
  name = 'ComplaintsCalendar1700000000002';
  protected readonly schema = 'complaints';
}

const KEY = new TextEncoder().encode('an internal secret of at least thirty-two characters');
const OWNER = 'sunlight_spec_owner';

/**
 * Drops `role` from the whole server. Roles are the server's, not one database's: on an external
 * server (CI's second pass, a developer's DATABASE_URL) a database left behind by an interrupted
 * run may still hold grants to it, and DROP ROLE would then refuse. Those grants and objects are
 * dropped first, in each database that holds any (pg_shdepend; dbid 0 is the server's own).
 */
async function dropRoleEverywhere(admin: Client, adminUrl: string, role: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT DISTINCT d.datname FROM pg_shdepend s JOIN pg_roles r ON r.oid = s.refobjid
       JOIN pg_database d ON d.oid = s.dbid WHERE r.rolname = $1 AND d.datallowconn`,
    [role],
  );
  for (const { datname } of rows) {
    const u = new URL(adminUrl);
    u.pathname = `/${datname}`;
    const other = new Client({ connectionString: u.toString() });
    await other.connect();
    try {
      await other.query(`DROP OWNED BY ${role}`);
    } finally {
      await other.end();
    }
  }
  if (rows.length === 0 && (await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount)
    await admin.query(`DROP OWNED BY ${role}`); // privileges on databases only (dbid 0)
  await admin.query(`DROP ROLE IF EXISTS ${role}`);
}

/**
 * The roles on a server the platform does not run (an external DATABASE_URL): its owner user may
 * not create roles, so a start refuses in one line until `db:roles` (ensureDatabaseRoles with a
 * user that may) has made them; then the service runs as its own role.
 */
describe('openServiceDatabase with an owner that may not create roles', () => {
  let db: TestDatabase;
  let admin: Client;
  let ownerUrl: string;
  const opened: ServiceDatabase[] = [];
  const open = async (schema: 'cases' | 'complaints' = 'cases') => {
    const d = await openServiceDatabase({
      url: ownerUrl,
      schema,
      entities: [],
      migrations: [
        PlatformTables1763769600000,
        TinyTables1700000000000,
        OwnCalendar1700000000001,
        schema === 'cases' ? CasesCalendar1700000000002 : ComplaintsCalendar1700000000002,
      ],
      roleKey: KEY,
    });
    opened.push(d);
    return d;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new Client({ connectionString: db.url });
    await admin.connect();
    // This run's server is fresh: no service role exists yet.
    for (const role of [...DATABASE_ROLE_HOLDERS.map(databaseRoleName), OWNER])
      await dropRoleEverywhere(admin, db.url, role);
    await admin.query(`CREATE ROLE ${OWNER} LOGIN PASSWORD 'owner-pw' NOCREATEROLE`);
    await admin.query(`GRANT CREATE ON DATABASE ${db.name} TO ${OWNER}`);
    const u = new URL(db.url);
    u.username = OWNER;
    u.password = 'owner-pw';
    ownerUrl = u.toString();
  });
  afterAll(async () => {
    for (const d of opened) await Promise.all([d.dataSource.destroy(), d.owner.destroy()]);
    await admin.end();
    await db.drop();
  });

  it('refuses to start in one line naming DATABASE_URL and the command, while the roles are missing', async () => {
    const refusal = await open().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as Error).message).not.toContain('\n');
    expect((refusal as Error).message).toMatch(/DATABASE_URL: 数据库角色 sunlight_powers 不存在.*npm run -s db:roles/);
  });

  it('after db:roles, migrates as the owner and serves as its own role with DML only', async () => {
    await ensureDatabaseRoles(admin, KEY, { setPasswords: true });
    const { dataSource, owner } = await open();
    const whoami = async (ds: DataSource) => ((await ds.query('SELECT current_user AS u')) as { u: string }[])[0]!.u;
    expect(await whoami(owner)).toBe(OWNER);
    expect(await whoami(dataSource)).toBe('sunlight_cases');
    await dataSource.query("INSERT INTO note (what) VALUES ('n'), ('m')");
    await dataSource.query("INSERT INTO trace (what) VALUES ('t')");
    await expect(dataSource.query("UPDATE note SET what = 'x'")).resolves.toBeDefined();
    await expect(dataSource.query('DELETE FROM trace')).rejects.toThrow(/permission denied for table trace/);
    await expect(dataSource.query('TRUNCATE note')).rejects.toThrow(/permission denied/);
    await expect(dataSource.query('SELECT * FROM migrations')).rejects.toThrow(/permission denied/);
    await expect(dataSource.query('ALTER TABLE trace DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
  });

  it('lets cases and complaints read the shared calendar, never write it, and only cases load through its function', async () => {
    const cases = (await open('cases')).dataSource;
    const complaints = (await open('complaints')).dataSource;
    for (const ds of [cases, complaints]) {
      expect(await ds.query('SELECT count(*)::int AS n FROM calendar.day')).toEqual([{ n: CHINA_2026.length }]);
      await expect(ds.query("INSERT INTO calendar.day VALUES ('2026-03-03', false, 'x', 2026)")).rejects.toThrow(
        /permission denied/,
      );
      await expect(ds.query("UPDATE calendar.day SET note = 'x'")).rejects.toThrow(/permission denied/);
      await expect(ds.query('DELETE FROM calendar.load')).rejects.toThrow(/permission denied/);
    }
    const notice = fictionalHolidayNotice(2098);
    await expect(loadHolidayNotice(complaints, notice, { loadedBy: 'x', via: 'MUTATION' })).rejects.toThrow(
      /permission denied for function load_notice/,
    );
    await expect(loadHolidayNotice(cases, notice, { loadedBy: 'admin', via: 'MUTATION' })).resolves.toMatchObject({
      year: 2098,
      changed: true,
    });
  });

  it('refuses a role given more power by hand until db:roles repairs it; grants added by hand do not survive a start', async () => {
    await admin.query('ALTER ROLE sunlight_cases BYPASSRLS CREATEDB');
    await admin.query(`GRANT TRUNCATE ON cases.note TO sunlight_cases`);
    await expect(open()).rejects.toThrow(/DATABASE_URL: 数据库角色 sunlight_cases 权限过大/);
    await ensureDatabaseRoles(admin, KEY);
    const { dataSource } = await open();
    const [role] = await dataSource.query(
      "SELECT rolbypassrls, rolcreatedb, has_table_privilege('note', 'TRUNCATE') AS truncate FROM pg_roles WHERE rolname = current_user",
    );
    expect(role).toEqual({ rolbypassrls: false, rolcreatedb: false, truncate: false });
  });

  it('refuses a role that is a member of another role', async () => {
    await admin.query(`GRANT ${OWNER} TO sunlight_cases`);
    try {
      await expect(open()).rejects.toThrow(/sunlight_cases 属于其他角色/);
    } finally {
      await admin.query(`REVOKE ${OWNER} FROM sunlight_cases`);
    }
  });
});
