import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Screen accounts (大屏, role SCREEN): read-only kiosks for a wall screen, limited to their subtree. */
export class ScreenRole1766600000000 implements MigrationInterface {
  name = 'ScreenRole1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE account DROP CONSTRAINT account_role_check');
    await q.query(
      `ALTER TABLE account ADD CONSTRAINT account_role_check CHECK (role IN ('CLERK', 'LEADER', 'INSPECTOR', 'ADMIN', 'SCREEN'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM account WHERE role = 'SCREEN'`);
    await q.query('ALTER TABLE account DROP CONSTRAINT account_role_check');
    await q.query(
      `ALTER TABLE account ADD CONSTRAINT account_role_check CHECK (role IN ('CLERK', 'LEADER', 'INSPECTOR', 'ADMIN'))`,
    );
  }
}
