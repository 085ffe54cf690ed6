/** The logs that publish checkpoints: one per service that keeps hash-chained traces. */
export type TraceLogName = 'cases' | 'complaints';

/** What a checkpoint states: the log's tree of chain heads had `size` leaves and `rootHash` at `issuedAt`. */
export interface CheckpointStatement {
  log: TraceLogName;
  /** The checkpoint's number in its log: 1, 2, 3… */
  id: number;
  size: number;
  /** The Merkle tree hash, lower-case hex. */
  rootHash: string;
  /** Real time the checkpoint was made (never an injected test clock). */
  issuedAt: Date;
}

/** A statement signed by the log's key and countersigned by the supervision key (both Ed25519, base64). */
export interface TraceCheckpoint extends CheckpointStatement {
  logKeyId: string;
  signature: string;
  supervisionKeyId: string;
  cosignature: string;
}

/**
 * The exact text the log key signs, one field a line, newline-terminated (in the manner of
 * C2SP's signed notes):
 * ```
 * sunlight/trace-checkpoint/v1
 * log cases
 * id 12
 * size 40213
 * root 5dc9…4328
 * time 2026-12-06T22:40:00.000Z
 * ```
 */
export function checkpointBody(s: CheckpointStatement): string {
  return [
    'sunlight/trace-checkpoint/v1',
    `log ${s.log}`,
    `id ${s.id}`,
    `size ${s.size}`,
    `root ${s.rootHash}`,
    `time ${s.issuedAt.toISOString()}`,
    '',
  ].join('\n');
}

/**
 * The text the supervision key countersigns: the body under its own first line, so that neither
 * key's signature can ever be replayed as the other's.
 */
export function cosignatureBody(s: CheckpointStatement): string {
  return `sunlight/trace-cosignature/v1\n${checkpointBody(s)}`;
}
