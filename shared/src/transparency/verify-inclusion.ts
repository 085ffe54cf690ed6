import { HASH_BYTES, merkleHash } from './merkle-hash';

/** What an inclusion proof claims: the leaf hash at `index` of a tree of `size` leaves with `root`. */
export interface InclusionClaim {
  leafHash: Uint8Array;
  index: number;
  size: number;
  proof: readonly Uint8Array[];
  root: Uint8Array;
}

/**
 * Verifies an inclusion proof exactly as RFC 9162 §2.1.3.2 prescribes, without building a tree:
 * true only when `proof` leads from `leafHash` at `index` to `root` for a tree of `size` leaves,
 * with no hash left over or missing; false (never a throw) for any hash that is not 32 bytes.
 */
export function verifyInclusion(c: InclusionClaim): boolean {
  if (!Number.isSafeInteger(c.index) || !Number.isSafeInteger(c.size) || c.index < 0 || c.index >= c.size) return false;
  if ([c.leafHash, c.root, ...c.proof].some((h) => h.length !== HASH_BYTES)) return false;
  // The RFC's fn and sn as bigint-free numbers: halving with Math.floor keeps them exact below 2^53.
  let fn = c.index;
  let sn = c.size - 1;
  let r: Uint8Array = c.leafHash;
  for (const p of c.proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = merkleHash.node(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = merkleHash.node(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && Buffer.from(r).equals(Buffer.from(c.root));
}
