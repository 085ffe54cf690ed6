import type { CheckpointStatement } from '../transparency/trace-checkpoint';
import type { TraceInclusion } from '../transparency/trace-checkpoint-log';
import { traceHeadLeafHash } from '../transparency/trace-head-leaf';
import type { InclusionClaim } from '../transparency/verify-inclusion';

/**
 * What a log's inclusion `proof` claims against `checkpoint` (the one a test holds, not
 * necessarily the proof's own): the proven head's leaf at its index, under the checkpoint's size
 * and root, for {@link verifyInclusion}.
 */
export function inclusionClaim(
  proof: TraceInclusion,
  checkpoint: Pick<CheckpointStatement, 'size' | 'rootHash'>,
): InclusionClaim {
  return {
    leafHash: traceHeadLeafHash(proof.head),
    index: proof.leafIndex,
    size: checkpoint.size,
    proof: proof.auditPath.map((h) => Buffer.from(h, 'hex')),
    root: Buffer.from(checkpoint.rootHash, 'hex'),
  };
}
