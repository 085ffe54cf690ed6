import { chainHash, GENESIS_HASH } from './chain-hash';

/** One stored link of a hash chain, as read back for verification. */
export interface ChainLink {
  seq: number;
  hash: string;
  previousHash: string;
  body: unknown;
}

/**
 * Checks a whole chain, given in `seq` order: `seq` runs 1, 2, 3… without gaps, each
 * `previousHash` is the prior link's `hash` (`GENESIS_HASH` for the first), and each `hash` is
 * `chainHash(previousHash, body)`. Reports the first link that fails, checked in that order;
 * `brokenAtSeq` is the position where verification stopped, so every link before it is intact
 * (for a missing or out-of-order link it is the seq that was expected there). An empty chain is
 * intact with `count` 0.
 */
export function verifyChain(
  links: readonly ChainLink[],
):
  | { ok: true; count: number }
  | { ok: false; brokenAtSeq: number; reason: 'SEQUENCE_GAP' | 'PREVIOUS_HASH_MISMATCH' | 'HASH_MISMATCH' } {
  let previousHash = GENESIS_HASH;
  for (const [index, link] of links.entries()) {
    const seq = index + 1;
    if (link.seq !== seq) return { ok: false, brokenAtSeq: seq, reason: 'SEQUENCE_GAP' };
    if (link.previousHash !== previousHash) return { ok: false, brokenAtSeq: seq, reason: 'PREVIOUS_HASH_MISMATCH' };
    if (link.hash !== chainHash(link.previousHash, link.body))
      return { ok: false, brokenAtSeq: seq, reason: 'HASH_MISMATCH' };
    previousHash = link.hash;
  }
  return { ok: true, count: links.length };
}
