import type { DataSource } from 'typeorm';
import { Role } from '../auth/role';
import { openTestDataSource } from '../testing/open-test-data-source';
import { PlatformTables1763769600000 } from './platform-tables.migration';
import { runIdempotent } from './run-idempotent';

describe('runIdempotent', () => {
  let db: Awaited<ReturnType<typeof openTestDataSource>>;
  let ds: DataSource;
  const clerk = { subject: 'clerk.1', role: Role.CLERK, unit: '139901001001' };

  beforeAll(async () => {
    db = await openTestDataSource({ schema: 'idem', entities: [], migrations: [PlatformTables1763769600000] });
    ds = db.dataSource;
    await ds.query('CREATE TABLE widget (id serial PRIMARY KEY, name text NOT NULL)');
  });
  afterAll(() => db.close());

  const create = (key: string, name: string, delayMs = 0) =>
    runIdempotent(ds, { principal: clerk, key, operation: 'createWidget', input: { name } }, async (em) => {
      const rows: { id: number }[] = await em.query('INSERT INTO widget (name) VALUES ($1) RETURNING id', [name]);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return { id: rows[0]!.id };
    });

  it('returns the first result for a retry and writes nothing new', async () => {
    const first = await create('key-retry-0001', 'a');
    const again = await create('key-retry-0001', 'a');
    expect(again).toEqual(first);
    expect((await ds.query("SELECT count(*)::int AS n FROM widget WHERE name = 'a'"))[0].n).toBe(1);
  });

  it('refuses the same key with different input', async () => {
    await create('key-reuse-0001', 'b');
    await expect(create('key-reuse-0001', 'c')).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' },
    });
    expect((await ds.query("SELECT count(*)::int AS n FROM widget WHERE name = 'c'"))[0].n).toBe(0);
  });

  it('writes exactly once under 20 concurrent retries', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => create('key-concurrent-1', 'd', 50)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await ds.query("SELECT count(*)::int AS n FROM widget WHERE name = 'd'"))[0].n).toBe(1);
  });

  it('keeps nothing when the work fails, so a corrected retry can run', async () => {
    await expect(
      runIdempotent(ds, { principal: clerk, key: 'key-fails-0001', operation: 'x', input: {} }, async (em) => {
        await em.query("INSERT INTO widget (name) VALUES ('half')");
        throw new Error('validation failed');
      }),
    ).rejects.toThrow('validation failed');
    expect((await ds.query("SELECT count(*)::int AS n FROM widget WHERE name = 'half'"))[0].n).toBe(0);
    expect((await ds.query("SELECT count(*)::int AS n FROM idempotency_key WHERE key = 'key-fails-0001'"))[0].n).toBe(
      0,
    );
  });

  it('scopes keys per caller and validates their format', async () => {
    const other = { subject: 'clerk.2', role: Role.CLERK, unit: '139901001002' };
    await create('key-shared-0001', 'e');
    await runIdempotent(
      ds,
      { principal: other, key: 'key-shared-0001', operation: 'createWidget', input: { name: 'e' } },
      async () => ({ id: -1 }),
    );
    await expect(create('short', 'f')).rejects.toMatchObject({
      extensions: { code: 'VALIDATION_FAILED', field: 'idempotencyKey' },
    });
  });
});
