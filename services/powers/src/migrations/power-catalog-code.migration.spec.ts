import {
  createServiceDataSource,
  migrate,
  OutboxNotify1765000000000,
  PlatformTables1763769600000,
} from '@sunlight/shared';
import { createTestDatabase, type TestDatabase } from '@sunlight/shared/testing';
import type { DataSource } from 'typeorm';
import { Catalog1763769700000 } from './1763769700000-catalog';
import { AccountStatus1766100000000 } from './1766100000000-account-status';
import { PowerCatalogCode1766400000000 } from './1766400000000-power-catalog-code';

const BEFORE = [
  PlatformTables1763769600000,
  Catalog1763769700000,
  OutboxNotify1765000000000,
  AccountStatus1766100000000,
];

describe('migration: city-wide catalog code of powers (issue 16)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const open = async (migrations: Function[]): Promise<DataSource> => {
    const ds = createServiceDataSource({ url: db.url, schema: 'powers', entities: [], migrations });
    await ds.initialize();
    return ds;
  };

  it('fills existing powers with unit code and code, keeps them unique across the city, and reverts', async () => {
    const before = await open(BEFORE);
    await migrate(before, 'powers');
    // CF-001 in two counties, as the demo and the city generator number every unit's catalog.
    await before.query(
      `INSERT INTO unit (code, name, tier) VALUES ('139901000000', '甲县', 'COUNTY'), ('139902000000', '乙县', 'COUNTY')`,
    );
    await before.query(`INSERT INTO power (id, unit_code, code, status, latest_version, created_by) VALUES
      ('00000000-0000-4000-8000-000000000001', '139901000000', 'CF-001', 'DRAFT', 1, 'admin'),
      ('00000000-0000-4000-8000-000000000002', '139902000000', 'CF-001', 'DRAFT', 1, 'admin')`);
    await before.destroy();

    const after = await open([...BEFORE, PowerCatalogCode1766400000000]);
    expect(await migrate(after, 'powers')).toEqual(['PowerCatalogCode1766400000000']);
    expect(await after.query('SELECT code, catalog_code FROM power ORDER BY id')).toEqual([
      { code: 'CF-001', catalog_code: '139901000000-CF-001' },
      { code: 'CF-001', catalog_code: '139902000000-CF-001' },
    ]);
    // A new power gets its code from the database, whoever writes the row.
    await after.query(`INSERT INTO power (id, unit_code, code, status, latest_version, created_by)
      VALUES ('00000000-0000-4000-8000-000000000003', '139901000000', 'XK-001', 'DRAFT', 1, 'admin')`);
    expect(
      await after.query(`SELECT catalog_code FROM power WHERE id = '00000000-0000-4000-8000-000000000003'`),
    ).toEqual([{ catalog_code: '139901000000-XK-001' }]);
    const [index] = await after.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'power_catalog_code'`);
    expect(index.indexdef).toMatch(
      /^CREATE UNIQUE INDEX power_catalog_code ON powers\.power USING btree \(catalog_code\)$/,
    );

    await after.undoLastMigration();
    expect(
      await after.query(
        `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'powers' AND column_name = 'catalog_code'`,
      ),
    ).toEqual([{ n: 0 }]);
    await after.destroy();
  });
});
