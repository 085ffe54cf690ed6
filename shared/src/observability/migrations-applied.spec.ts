import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceDataSource } from '../db/create-data-source';
import { migrate } from '../db/migrate';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { migrationsApplied } from './migrations-applied';

class First1700000000000 implements MigrationInterface {
  name = 'First1700000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE one (id int)');
  }
  async down(): Promise<void> {}
}
class Second1700000000001 implements MigrationInterface {
  name = 'Second1700000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE two (id int)');
  }
  async down(): Promise<void> {}
}

describe('migrationsApplied (readiness)', () => {
  let db: TestDatabase;
  const opened: DataSource[] = [];
  const open = async (migrations: (new () => MigrationInterface)[]) => {
    const ds = createServiceDataSource({ url: db.url, schema: 'probe', entities: [], migrations });
    await ds.initialize();
    opened.push(ds);
    return ds;
  };
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const ds of opened) await ds.destroy();
    await db.drop();
  });

  it('names the migrations this build knows that the schema has not recorded, until they are applied', async () => {
    await migrate(await open([First1700000000000]), 'probe'); // an older build migrated
    const newer = await open([First1700000000000, Second1700000000001]);
    const ready = migrationsApplied(newer, 'probe');
    expect(await ready()).toBe('migrations not applied: Second1700000000001');
    await migrate(newer, 'probe');
    expect(await ready()).toBeNull();
  });

  it('is not met when the schema has no migrations table at all', async () => {
    const ds = await open([First1700000000000]);
    await expect(migrationsApplied(ds, 'nowhere')()).rejects.toThrow(/relation "nowhere.migrations" does not exist/);
  });
});
