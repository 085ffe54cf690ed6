import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks the powers held by a unit's principal leader (一把手职权, counted apart in seed 001: 65 of
 * 492 powers). Part of a version's content, so an edit goes through a draft and the public sees
 * the published version's mark. Existing versions are not marked until an administrator says so.
 */
export class PrincipalLeader1766400100000 implements MigrationInterface {
  name = 'PrincipalLeader1766400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE power_version ADD COLUMN principal_leader boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE power_version DROP COLUMN principal_leader');
  }
}
