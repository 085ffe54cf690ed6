import { createHash } from 'node:crypto';

/** Bytes of one SHA-256 digest, the size of every node of the tree. */
export const HASH_BYTES = 32;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/**
 * The Merkle tree hashes of RFC 6962 §2.1 (RFC 9162 §2.1.1): a leaf is `SHA-256(0x00 || data)`,
 * an interior node `SHA-256(0x01 || left || right)`. The distinct prefixes keep a leaf from ever
 * being passed off as an interior node (second-preimage resistance).
 */
export const merkleHash = {
  leaf(data: Uint8Array): Buffer {
    return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
  },
  node(left: Uint8Array, right: Uint8Array): Buffer {
    return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
  },
  /** The hash of the empty tree: `SHA-256()` of nothing. */
  empty(): Buffer {
    return createHash('sha256').digest();
  },
};
