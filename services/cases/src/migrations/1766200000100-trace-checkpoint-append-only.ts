import { TraceCheckpointAppendOnlyMigration } from '@sunlight/shared';

/**
 * Published checkpoints of the case trace log are append-only like the trace itself: the service's
 * own role may only add and read them (its grants follow the `refuse_change` trigger), so deleting
 * a checkpoint takes the schema owner's rights and leaves the running service's memory to catch it.
 */
export class TraceCheckpointAppendOnly1766200000100 extends TraceCheckpointAppendOnlyMigration {
  name = 'TraceCheckpointAppendOnly1766200000100';
}
