import { appendOnlySql } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published checkpoints of the case trace log are append-only like the trace itself: the service's
 * own role may only add and read them (its grants follow the `refuse_change` trigger), so deleting
 * a checkpoint takes the schema owner's rights and leaves the running service's memory to catch it.
 */
export class TraceCheckpointAppendOnly1766200000100 implements MigrationInterface {
  name = 'TraceCheckpointAppendOnly1766200000100';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of appendOnlySql('trace_checkpoint')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER trace_checkpoint_no_truncate ON trace_checkpoint');
    await q.query('DROP TRIGGER trace_checkpoint_append_only ON trace_checkpoint');
  }
}
