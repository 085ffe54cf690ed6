import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password someone else chose (an ADMIN's initial or reset password, the admin command's
 * one-time password) must be changed by its owner: the sign-in answer says so until it is.
 */
export class PasswordMustChange1766500100000 implements MigrationInterface {
  name = 'PasswordMustChange1766500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE account_credential ADD COLUMN must_change boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE account_credential DROP COLUMN must_change');
  }
}
