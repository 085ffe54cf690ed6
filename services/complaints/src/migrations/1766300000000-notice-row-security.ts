import { rowScopeDownSql, rowScopeSql } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices under row-level security, keyed by the unit they are addressed to: a connection sees
 * only the notices of its caller's subtree (an issuer addresses only units of its own subtree).
 */
export class NoticeRowSecurity1766300000000 implements MigrationInterface {
  name = 'NoticeRowSecurity1766300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of rowScopeSql('notice')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of rowScopeDownSql('notice')) await q.query(sql);
  }
}
