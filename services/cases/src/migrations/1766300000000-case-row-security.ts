import { rowScopeDownSql, rowScopeSql } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases under row-level security: a connection sees only the cases of its caller's subtree. The
 * public reaches a case only through its lookup (number and query code), which reads with the
 * system scope and checks the code itself.
 */
export class CaseRowSecurity1766300000000 implements MigrationInterface {
  name = 'CaseRowSecurity1766300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of rowScopeSql('"case"')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of rowScopeDownSql('"case"')) await q.query(sql);
  }
}
