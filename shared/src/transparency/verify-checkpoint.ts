import { checkpointBody, cosignatureBody, type TraceCheckpoint } from './trace-checkpoint';
import type { SigningKey } from './signing-key';

/** Why a checkpoint failed verification. */
export type CheckpointFault = 'UNKNOWN_LOG_KEY' | 'BAD_SIGNATURE' | 'UNKNOWN_SUPERVISION_KEY' | 'BAD_COSIGNATURE';

/**
 * Checks both signatures of `c` against pinned public keys: the log key's signature over
 * `checkpointBody(c)` and the supervision key's countersignature over `cosignatureBody(c)`. A
 * verifier pins these keys out of band; the keys the API publishes are for convenience only.
 */
export function verifyCheckpoint(
  c: TraceCheckpoint,
  pinned: { log: readonly SigningKey[]; supervision: readonly SigningKey[] },
): { ok: true } | { ok: false; fault: CheckpointFault } {
  const logKey = pinned.log.find((k) => k.id === c.logKeyId);
  if (!logKey) return { ok: false, fault: 'UNKNOWN_LOG_KEY' };
  if (!logKey.verify(checkpointBody(c), c.signature)) return { ok: false, fault: 'BAD_SIGNATURE' };
  const supervisionKey = pinned.supervision.find((k) => k.id === c.supervisionKeyId);
  if (!supervisionKey) return { ok: false, fault: 'UNKNOWN_SUPERVISION_KEY' };
  if (!supervisionKey.verify(cosignatureBody(c), c.cosignature)) return { ok: false, fault: 'BAD_COSIGNATURE' };
  return { ok: true };
}
