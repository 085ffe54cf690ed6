import { attachmentTableSql } from '@sunlight/shared';
import { openTestDataSource } from '@sunlight/shared/testing';
import type { DataSource } from 'typeorm';
import { Cases1763769800000 } from './1763769800000-cases';

/** What Postgres knows about the `attachment` table and its append-only guard. */
async function catalogOf(ds: DataSource): Promise<unknown> {
  return {
    columns: await ds.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'attachment' ORDER BY ordinal_position`,
    ),
    constraints: await ds.query(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'attachment'::regclass ORDER BY conname`,
    ),
    triggers: await ds.query(
      `SELECT tgname, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = 'attachment'::regclass AND NOT tgisinternal ORDER BY tgname`,
    ),
    refuseChange: await ds.query(
      `SELECT pg_get_functiondef(oid) AS def FROM pg_proc WHERE proname = 'refuse_change' AND pronamespace = current_schema()::regnamespace`,
    ),
    privileges: await ds.query(`SELECT relacl::text AS acl FROM pg_class WHERE oid = 'attachment'::regclass`),
  };
}

describe('attachmentTableSql', () => {
  it('creates the attachment table exactly as the cases migration did', async () => {
    const migrated = await openTestDataSource({ schema: 'cases', entities: [], migrations: [Cases1763769800000] });
    const fresh = await openTestDataSource({ schema: 'cases', entities: [], migrations: [] });
    try {
      for (const sql of attachmentTableSql()) await fresh.dataSource.query(sql);
      const expected = (await catalogOf(migrated.dataSource)) as { triggers: unknown[]; columns: unknown[] };
      expect(expected.columns).toHaveLength(5);
      expect(expected.triggers).toHaveLength(2);
      expect(await catalogOf(fresh.dataSource)).toEqual(expected);
    } finally {
      await Promise.all([migrated.close(), fresh.close()]);
    }
  });
});
