import { merkleHash } from './merkle-hash';

/** One chain's head as a checkpoint records it: the owner, its chain's length and last hash. */
export interface TraceHead {
  ownerId: string;
  length: number;
  headHash: string;
}

/**
 * The leaf data of a chain head, the bytes a leaf hash covers: `<ownerId> <length> <headHash>` in
 * UTF-8 (lower-case uuid, decimal length, hex hash), e.g. `0b5e…-…c1 4 9f2a…`.
 */
export function traceHeadLeaf(h: TraceHead): string {
  return `${h.ownerId} ${h.length} ${h.headHash}`;
}

/** `merkleHash.leaf` of the head's leaf data. */
export function traceHeadLeafHash(h: TraceHead): Buffer {
  return merkleHash.leaf(Buffer.from(traceHeadLeaf(h), 'utf8'));
}
