import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A migration that runs fixed statements, one at a time in order: {@link upSql} on `up`,
 * {@link downSql} on `down`. A service's migration extends it (or one of its kinds) and sets only
 * its `name`, the class name with its timestamp that TypeORM records.
 */
export abstract class SqlMigration implements MigrationInterface {
  abstract readonly name: string;

  /** The statements `up` runs. */
  protected abstract upSql(): readonly string[];

  /** The statements `down` runs, undoing {@link upSql}. */
  protected abstract downSql(): readonly string[];

  async up(q: QueryRunner): Promise<void> {
    for (const sql of this.upSql()) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of this.downSql()) await q.query(sql);
  }
}
