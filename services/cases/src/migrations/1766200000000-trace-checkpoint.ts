import { traceCheckpointTablesSql } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Signed checkpoints of the case trace log and the chain heads of the latest one. */
export class TraceCheckpoint1766200000000 implements MigrationInterface {
  name = 'TraceCheckpoint1766200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of traceCheckpointTablesSql.up) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of traceCheckpointTablesSql.down) await q.query(sql);
  }
}
