import { HASH_BYTES, merkleHash } from './merkle-hash';

/** Hashes computed between two turns of the event loop when building in slices. */
const SLICE = 8192;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The levels over `packed` leaf hashes, bottom up: nodes paired left to right, an unpaired last
 * node moved up unchanged. Yields after every `SLICE` interior hashes so a caller may pause.
 */
function* buildLevels(packed: Buffer): Generator<void, Buffer[]> {
  if (packed.length % HASH_BYTES !== 0) throw new RangeError('packed leaf hashes must be a multiple of 32 bytes');
  const levels = [packed];
  let level = packed;
  let done = 0;
  while (level.length > HASH_BYTES) {
    const count = level.length / HASH_BYTES;
    const next = Buffer.allocUnsafe(Math.ceil(count / 2) * HASH_BYTES);
    for (let i = 0; i + 1 < count; i += 2) {
      const left = level.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES);
      const right = level.subarray((i + 1) * HASH_BYTES, (i + 2) * HASH_BYTES);
      merkleHash.node(left, right).copy(next, (i / 2) * HASH_BYTES);
      if (++done % SLICE === 0) yield;
    }
    if (count % 2 === 1) level.copy(next, ((count - 1) / 2) * HASH_BYTES, (count - 1) * HASH_BYTES);
    levels.push(next);
    level = next;
  }
  return levels;
}

/**
 * A Merkle tree over leaf hashes in the shape RFC 6962 §2.1 (RFC 9162 §2.1.1) defines: for n > 1
 * leaves, the left subtree holds the largest power of two smaller than n. Built level by level:
 * nodes are paired left to right and an unpaired last node moves up unchanged, which gives that
 * same shape. Each level is one contiguous buffer (32 bytes a node), so a million leaves cost
 * about 64 MB and no per-node objects.
 */
export class MerkleTree {
  /** `levels[0]` holds the leaf hashes, the last level the root (none for the empty tree). */
  private readonly levels: Buffer[];

  private constructor(levels: Buffer[]) {
    this.levels = levels;
  }

  /** Builds the tree over `leafHashes` (already `merkleHash.leaf` of each leaf's data), in order. */
  static fromLeafHashes(leafHashes: readonly Uint8Array[]): MerkleTree {
    const leaves = Buffer.allocUnsafe(leafHashes.length * HASH_BYTES);
    leafHashes.forEach((h, i) => {
      if (h.length !== HASH_BYTES) throw new RangeError(`leaf hash ${i} is ${h.length} bytes, not ${HASH_BYTES}`);
      leaves.set(h, i * HASH_BYTES);
    });
    return MerkleTree.fromPackedLeafHashes(leaves);
  }

  /** Builds the tree over leaf hashes packed back to back in one buffer (32 bytes each). */
  static fromPackedLeafHashes(packed: Buffer): MerkleTree {
    const steps = buildLevels(packed);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return new MerkleTree(step.value);
  }

  /**
   * As `fromLeafHashes`, but gives the event loop a turn every `SLICE` hashes, so that a service
   * building a tree of a million leaves (seconds of CPU) still answers requests meanwhile.
   */
  static async fromLeafHashesInSlices(leafHashes: readonly Uint8Array[]): Promise<MerkleTree> {
    const packed = Buffer.allocUnsafe(leafHashes.length * HASH_BYTES);
    for (let i = 0; i < leafHashes.length; i++) {
      if (leafHashes[i]!.length !== HASH_BYTES) throw new RangeError(`leaf hash ${i} is not ${HASH_BYTES} bytes`);
      packed.set(leafHashes[i]!, i * HASH_BYTES);
      if (i % SLICE === SLICE - 1) await nextTurn();
    }
    const steps = buildLevels(packed);
    let step = steps.next();
    while (!step.done) {
      await nextTurn();
      step = steps.next();
    }
    return new MerkleTree(step.value);
  }

  /** Number of leaves. */
  get size(): number {
    return this.levels[0]!.length / HASH_BYTES;
  }

  /** The Merkle tree hash of all leaves; `SHA-256()` of nothing for the empty tree. */
  root(): Buffer {
    if (this.size === 0) return merkleHash.empty();
    return Buffer.from(this.levels[this.levels.length - 1]!);
  }

  /** The leaf hash at `index`. */
  leafHash(index: number): Buffer {
    this.checkIndex(index);
    return Buffer.from(this.levels[0]!.subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES));
  }

  /**
   * The inclusion proof (audit path, RFC 9162 §2.1.3.1) of leaf `index`: the sibling hashes from
   * the leaf up to the root, nearest first. A node without a sibling at some level (the last,
   * unpaired one) contributes nothing there.
   * @throws RangeError for an index outside the tree.
   */
  inclusionProof(index: number): Buffer[] {
    this.checkIndex(index);
    const path: Buffer[] = [];
    let i = index;
    for (let depth = 0; depth < this.levels.length - 1; depth++) {
      const level = this.levels[depth]!;
      const count = level.length / HASH_BYTES;
      const sibling = i % 2 === 1 ? i - 1 : i + 1;
      if (sibling < count) path.push(Buffer.from(level.subarray(sibling * HASH_BYTES, (sibling + 1) * HASH_BYTES)));
      i = Math.floor(i / 2);
    }
    return path;
  }

  private checkIndex(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size)
      throw new RangeError(`leaf index ${index} is outside a tree of ${this.size}`);
  }
}
