import { rowScopeDownSql, rowScopeSql } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ratings (with their comments) under row-level security: a connection sees only the ratings of its
 * caller's subtree. Citizens and devices rate with the system scope (they have none), and the
 * satisfaction aggregates, public by design, are summed with it after the service's own check.
 */
export class RatingRowSecurity1766300000000 implements MigrationInterface {
  name = 'RatingRowSecurity1766300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of rowScopeSql('rating')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of rowScopeDownSql('rating')) await q.query(sql);
  }
}
