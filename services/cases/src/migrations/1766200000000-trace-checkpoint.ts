import { TraceCheckpointTablesMigration } from '@sunlight/shared';

/** Signed checkpoints of the case trace log and the chain heads of the latest one. */
export class TraceCheckpoint1766200000000 extends TraceCheckpointTablesMigration {
  name = 'TraceCheckpoint1766200000000';
}
