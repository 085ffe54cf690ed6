import { hash } from 'node:crypto';

/** Bytes of one SHA-256 digest, the size of every node of the tree. */
export const HASH_BYTES = 32;

// One scratch buffer for interior nodes: 0x01 || left || right. Hashing is synchronous, so no
// two calls ever share it at once.
const nodeInput = Buffer.alloc(1 + 2 * HASH_BYTES, 0x01);

/**
 * The Merkle tree hashes of RFC 6962 §2.1 (RFC 9162 §2.1.1): a leaf is `SHA-256(0x00 || data)`,
 * an interior node `SHA-256(0x01 || left || right)`. The distinct prefixes keep a leaf from ever
 * being passed off as an interior node (second-preimage resistance). One-shot `crypto.hash`
 * costs half of `createHash` per call, which dominates a tree of a million leaves.
 */
export const merkleHash = {
  leaf(data: Uint8Array): Buffer {
    const input = Buffer.allocUnsafe(1 + data.length);
    input[0] = 0x00;
    input.set(data, 1);
    return hash('sha256', input, 'buffer');
  },
  node(left: Uint8Array, right: Uint8Array): Buffer {
    if (left.length !== HASH_BYTES || right.length !== HASH_BYTES)
      throw new RangeError(`interior nodes join two ${HASH_BYTES}-byte hashes`);
    nodeInput.set(left, 1);
    nodeInput.set(right, 1 + HASH_BYTES);
    return hash('sha256', nodeInput, 'buffer');
  },
  /** The hash of the empty tree: `SHA-256()` of nothing. */
  empty(): Buffer {
    return hash('sha256', Buffer.alloc(0), 'buffer');
  },
};
