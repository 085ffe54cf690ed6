import { createServiceDataSource, migrate, PlatformTables1763769600000 } from '@sunlight/shared';
import { createTestDatabase, type TestDatabase } from '@sunlight/shared/testing';
import { Evaluations1763770000000 } from './1763770000000-evaluations';
import { DefaultIndicatorSets1763770100000 } from './1763770100000-default-indicator-sets';

describe('data migration: default indicator sets', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('runs on top of the previous migrations, seeds one active set per tier, and reverts', async () => {
    const before = createServiceDataSource({
      url: db.url,
      schema: 'evaluations',
      entities: [],
      migrations: [PlatformTables1763769600000, Evaluations1763770000000],
    });
    await before.initialize();
    expect(await migrate(before, 'evaluations')).toEqual(['PlatformTables1763769600000', 'Evaluations1763770000000']);
    // data that exists before the migration runs: a city's own draft set must survive it
    await before.query(`INSERT INTO indicator_set (id, owner_unit, tier, version, name, status, content, created_by)
                        VALUES ('00000000-0000-4000-8000-000000000001', '139900000000', 'COUNTY', 1, '清源市县级指标（草稿）', 'DRAFT', '{"aspects": []}', 'admin')`);
    await before.destroy();

    const after = createServiceDataSource({
      url: db.url,
      schema: 'evaluations',
      entities: [],
      migrations: [PlatformTables1763769600000, Evaluations1763770000000, DefaultIndicatorSets1763770100000],
    });
    await after.initialize();
    expect(await migrate(after, 'evaluations')).toEqual(['DefaultIndicatorSets1763770100000']);
    const rows: { tier: string; status: string; n: number }[] = await after.query(
      `SELECT tier, status, (SELECT count(*)::int FROM jsonb_array_elements(content->'aspects') a, jsonb_array_elements(a->'indicators')) AS n
         FROM indicator_set WHERE owner_unit IS NULL ORDER BY tier`,
    );
    expect(rows).toEqual([
      { tier: 'CITY', status: 'ACTIVE', n: 27 },
      { tier: 'COUNTY', status: 'ACTIVE', n: 27 },
      { tier: 'TOWNSHIP', status: 'ACTIVE', n: 27 },
      { tier: 'VILLAGE', status: 'ACTIVE', n: 27 },
    ]);
    expect(
      (await after.query(`SELECT count(*)::int AS n FROM indicator_set WHERE owner_unit = '139900000000'`))[0].n,
    ).toBe(1);
    await after.undoLastMigration();
    expect((await after.query('SELECT count(*)::int AS n FROM indicator_set WHERE owner_unit IS NULL'))[0].n).toBe(0);
    expect((await after.query('SELECT count(*)::int AS n FROM indicator_set'))[0].n).toBe(1);
    await after.destroy();
  });
});
