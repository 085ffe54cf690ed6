import { rowScopeDownSql, rowScopeSql } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaints under row-level security: a connection sees a complaint when its handler's unit or the
 * accused unit lies in its caller's subtree (the service then narrows it to inspectors of the
 * handler who are not accused). The complainant, who has no scope, files and follows up with the
 * system scope after the code check.
 */
export class ComplaintRowSecurity1766300000001 implements MigrationInterface {
  name = 'ComplaintRowSecurity1766300000001';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of rowScopeSql('complaint', ['handler_unit', 'accused_unit'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of rowScopeDownSql('complaint')) await q.query(sql);
  }
}
