import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A city-wide unique code per power (唯一编号, as seed 002 numbers every power): `code` is unique
 * only within its unit (CF-001 in every county), so the catalog code joins the unit's 12-digit
 * division code and the power's code, `139901000000-CF-001`. Both parts are fixed at creation, so
 * the code never changes across versions; a stored generated column fills it for existing rows
 * and for every writer (the city generator too), and the unique index serves look-ups by it.
 */
export class PowerCatalogCode1766400000000 implements MigrationInterface {
  name = 'PowerCatalogCode1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE power ADD COLUMN catalog_code text NOT NULL GENERATED ALWAYS AS (unit_code::text || '-' || code) STORED`,
    );
    await q.query('CREATE UNIQUE INDEX power_catalog_code ON power (catalog_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX power_catalog_code');
    await q.query('ALTER TABLE power DROP COLUMN catalog_code');
  }
}
