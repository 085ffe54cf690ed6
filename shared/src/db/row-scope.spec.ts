import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { Role } from '../auth/role';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createServiceDataSource } from './create-data-source';
import { requestScope } from './request-scope';
import { rowScopeSql } from './row-scope-sql';

const ROLE = 'sunlight_spec_rls';
const COUNTY_A = '139901000000';
const COUNTY_B = '139902000000';
const inspectorOf = (unit: string) => ({ subject: `inspector-${unit}`, role: Role.INSPECTOR, unit });

/** One row for each of `n` villages of 10 townships of each of 10 counties. */
function rows(n: number): string {
  const values: string[] = [];
  for (let county = 1; county <= 10; county++)
    for (let township = 1; township <= 10; township++)
      for (let village = 1; village <= n; village++)
        values.push(
          `('1399${String(county).padStart(2, '0')}${String(township).padStart(3, '0')}${String(village).padStart(3, '0')}')`,
        );
  return values.join(',');
}

/**
 * Row-level security keyed by the caller's scope, on a table like the real ones, read through a
 * service-like role (no BYPASSRLS) and the platform's pool with a single connection, so that
 * every checkout reuses the connection the previous request had.
 */
describe('row-level security by request scope', () => {
  let db: TestDatabase;
  let admin: Client;
  let ds: DataSource;
  const count = async (): Promise<number> =>
    Number(((await ds.query('SELECT count(*) AS n FROM item')) as { n: string }[])[0]!.n);
  const asRequest = <T>(unit: string | null, fn: () => Promise<T>) =>
    requestScope.run(async () => {
      if (unit) requestScope.enter(inspectorOf(unit));
      return fn();
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${ROLE}`);
    await admin.query(`CREATE ROLE ${ROLE} LOGIN PASSWORD 'rls' NOBYPASSRLS`);
    await admin.query('CREATE SCHEMA spec');
    await admin.query('CREATE TABLE spec.item (id bigserial PRIMARY KEY, unit_code char(12) NOT NULL, note text)');
    await admin.query('CREATE INDEX item_unit ON spec.item (unit_code)');
    await admin.query(`INSERT INTO spec.item (unit_code) VALUES ${rows(100)}`);
    await admin.query('SET search_path = spec');
    for (const sql of rowScopeSql('item')) await admin.query(sql);
    await admin.query('ANALYZE spec.item');
    await admin.query(`GRANT USAGE ON SCHEMA spec TO ${ROLE}`);
    await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON spec.item TO ${ROLE}`);
    await admin.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA spec TO ${ROLE}`);
    const u = new URL(db.url);
    u.username = ROLE;
    u.password = 'rls';
    ds = createServiceDataSource({ url: u.toString(), schema: 'spec', entities: [], migrations: [], poolSize: 1 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await admin.query('DROP SCHEMA spec CASCADE');
    await admin.query(`DROP ROLE ${ROLE}`);
    await admin.end();
    await db.drop();
  });

  it('shows no row without a scope: outside any request, and in a request before its principal is known', async () => {
    expect(await count()).toBe(0);
    expect(await asRequest(null, count)).toBe(0);
    expect(await requestScope.run(async () => (await ds.query('SELECT 1 FROM item LIMIT 1')).length)).toBe(0);
  });

  it("shows a county its subtree, a service every unit, and the next request on the same connection never the last one's", async () => {
    expect(await asRequest(COUNTY_A, count)).toBe(1000);
    // the only connection now carried county A: the public (no scope) right after sees nothing
    expect(await asRequest(null, count)).toBe(0);
    expect(await asRequest(COUNTY_B, count)).toBe(1000);
    expect(await count()).toBe(0);
    expect(await requestScope.asSystem(count)).toBe(10_000);
    const [settings] = await ds.query(
      "SELECT current_setting('sunlight.scope_low') AS low, current_setting('sunlight.scope_high') AS high",
    );
    expect(settings).toEqual({ low: '', high: '' });
  });

  it('binds a connection handed over while the previous request still held it to the waiting request, not the releasing one', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // county A holds the only connection in a transaction; the public's query waits in the pool's queue
    const a = asRequest(COUNTY_A, () =>
      ds.transaction(async (em) => {
        await em.query('SELECT 1');
        await held;
        return Number(((await em.query('SELECT count(*) AS n FROM item')) as { n: string }[])[0]!.n);
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    const waiting = asRequest(null, count);
    const waitingB = asRequest(COUNTY_B, () => ds.query('SELECT DISTINCT substr(unit_code, 1, 6) AS c FROM item'));
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await a).toBe(1000);
    expect(await waiting).toBe(0);
    expect(await waitingB).toEqual([{ c: '139902' }]);
  });

  it('refuses to write a row outside the scope, and to move a row out of it', async () => {
    await expect(
      asRequest(COUNTY_A, () => ds.query(`INSERT INTO item (unit_code) VALUES ('${COUNTY_B}')`)),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asRequest(COUNTY_A, () => ds.query(`UPDATE item SET unit_code = '${COUNTY_B}' WHERE unit_code = '139901001001'`)),
    ).rejects.toThrow(/row-level security/);
    // an update of another county's rows touches none
    const [, touched] = await asRequest(COUNTY_A, () =>
      ds.query(`UPDATE item SET note = 'x' WHERE unit_code LIKE '139902%'`),
    );
    expect(touched).toBe(0);
  });

  it("keeps the unit index: a township's rows are read by an index range scan, not a full scan", async () => {
    const plan = await asRequest('139901001000', async () =>
      ((await ds.query('EXPLAIN SELECT id FROM item')) as { 'QUERY PLAN': string }[])
        .map((r) => r['QUERY PLAN'])
        .join('\n'),
    );
    expect(plan).toMatch(/Index (Only )?Scan using item_unit|Bitmap Index Scan on item_unit/);
    expect(plan).not.toMatch(/Seq Scan/);
    expect(await asRequest('139901001000', count)).toBe(100);
  });
});
