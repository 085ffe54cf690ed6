import { rowScopeDownSql, rowScopeSql } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Alerts under row-level security: a connection sees only the alerts of its caller's subtree. */
export class AlertRowSecurity1766300000000 implements MigrationInterface {
  name = 'AlertRowSecurity1766300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of rowScopeSql('alert')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of rowScopeDownSql('alert')) await q.query(sql);
  }
}
