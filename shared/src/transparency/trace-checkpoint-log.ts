import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { sqlIdentifier } from '../db/sql-identifier';
import type { CheckpointKeys } from './checkpoint-keys';
import { MerkleTree } from './merkle-tree';
import type { SupervisionWitness } from './supervision-witness';
import { checkpointBody, type TraceCheckpoint, type TraceLogName } from './trace-checkpoint';
import { traceHeadLeafHash, type TraceHead } from './trace-head-leaf';
import { verifyCheckpoint } from './verify-checkpoint';
import { verifyInclusion } from './verify-inclusion';

/** Where a log's chains live: the same tables a `chainedTrace` is built over. */
export interface TraceCheckpointLogOptions {
  log: TraceLogName;
  /** e.g. `"case"`: `id uuid, last_seq, last_hash`. */
  ownerTable: string;
  /** e.g. `case_event`: `<ownerColumn>, seq, hash`. */
  eventTable: string;
  ownerColumn: string;
  keys: CheckpointKeys;
  witness: SupervisionWitness;
}

/** Why the log refused to publish: what it found would make a checkpoint hide tampering. */
export class CheckpointRefusedError extends Error {
  constructor(
    readonly reason: 'LATEST_CHECKPOINT_INVALID' | 'LEAVES_TAMPERED' | 'CHAINS_REWRITTEN' | 'WITNESS_REFUSED',
    readonly owners: readonly string[] = [],
  ) {
    super(`trace checkpoint refused: ${reason}${owners.length ? ` (${owners.slice(0, 10).join(', ')})` : ''}`);
    this.name = 'CheckpointRefusedError';
  }
}

/** A chain head's place in the latest checkpoint, with the proof that puts it under the signed root. */
export interface TraceInclusion {
  checkpoint: TraceCheckpoint;
  head: TraceHead;
  leafIndex: number;
  /** Audit path, nearest sibling first, hex. */
  auditPath: string[];
}

/** How one owner's current chain stands against the latest checkpoint. */
export type CheckpointCheck =
  | { ok: true; checkpointId: number | null }
  | {
      ok: false;
      brokenAtSeq: number;
      reason:
        | 'CHECKPOINT_MISSING'
        | 'CHECKPOINT_SIGNATURE_INVALID'
        | 'CHECKPOINT_LEAVES_TAMPERED'
        | 'TRUNCATED_SINCE_CHECKPOINT'
        | 'REWRITTEN_SINCE_CHECKPOINT';
    };

interface LoadedTree {
  checkpoint: TraceCheckpoint;
  /** `null` when the stored leaves do not rebuild the signed root, or the signatures fail. */
  tree: MerkleTree | null;
  fault: 'CHECKPOINT_SIGNATURE_INVALID' | 'CHECKPOINT_LEAVES_TAMPERED' | null;
  index: Map<string, { leafIndex: number; head: TraceHead }>;
}

interface CheckpointRow {
  id: number;
  size: number;
  root_hash: string;
  issued_at: Date;
  log_key_id: string;
  signature: string;
  supervision_key_id: string;
  cosignature: string;
}

/**
 * A transparency log over one service's hash chains, as Certificate Transparency keeps one over
 * certificates. `publish` rolls the head (id, length, last hash) of every chain into an RFC 6962
 * Merkle tree whose root is signed by the log key and countersigned by the supervision witness;
 * `check` then holds a chain to the latest checkpoint: the head recorded there must still be on
 * the chain (a prefix of it), so a truncated tail with a rolled-back owner row is caught, while a
 * chain that honestly grew since still passes.
 *
 * Invariants: a checkpoint is published only over chains that extend the previous checkpoint's
 * heads, so a rewrite cannot be laundered by the next checkpoint; stored leaves are trusted only
 * after they rebuild the signed root; the time is the real clock.
 */
export class TraceCheckpointLog {
  private readonly owners: string;
  private readonly events: string;
  private readonly ownerColumn: string;
  private loaded: LoadedTree | null = null;
  /** The highest checkpoint id published, seen, or countersigned by the witness; the database must not go below. */
  private highestSeen = 0;
  private ledgerName: string | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly o: TraceCheckpointLogOptions,
  ) {
    this.owners = sqlIdentifier(o.ownerTable, 'ownerTable');
    this.events = sqlIdentifier(o.eventTable, 'eventTable');
    this.ownerColumn = sqlIdentifier(o.ownerColumn, 'ownerColumn');
  }

  /**
   * This log in this database, as the witness keeps its record (`cases@<id>`), read once; and the
   * highest id the witness countersigned there, so a restarted service still knows how far the log
   * got. The id is the database's oid, name and port: a database dropped and created again (the
   * city generator does) is a new history, not a rolled-back one.
   */
  private async ledger(): Promise<string> {
    if (this.ledgerName) return this.ledgerName;
    const [row]: { id: string }[] = await this.ds.query(
      `SELECT d.oid::text || ':' || d.datname || ':' || coalesce(inet_server_port()::text, 'local') AS id
         FROM pg_database d WHERE d.datname = current_database()`,
    );
    const digest = createHash('sha256')
      .update(row?.id ?? 'unknown')
      .digest('hex')
      .slice(0, 16);
    this.ledgerName = `${this.o.log}@${digest}`;
    this.highestSeen = Math.max(this.highestSeen, this.o.witness.lastCosigned(this.ledgerName)?.id ?? 0);
    return this.ledgerName;
  }

  /** The keys a verifier pins: this log's and the supervision key. */
  get keys(): CheckpointKeys {
    return this.o.keys;
  }

  /**
   * Publishes a checkpoint over every chain's current head, or does nothing (returns null) when no
   * head moved since the latest one. One publisher at a time across processes (advisory lock).
   * @throws CheckpointRefusedError when the latest checkpoint or its leaves fail verification, a
   * chain no longer extends its checkpointed head, or the witness refuses.
   */
  async publish(): Promise<TraceCheckpoint | null> {
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      const [lock]: { locked: boolean }[] = await em.query(
        `SELECT pg_try_advisory_xact_lock(hashtext('trace_checkpoint'), hashtext($1)) AS locked`,
        [this.o.log],
      );
      if (!lock?.locked) return null;
      const previous = await this.readLatest(em);
      if (previous) {
        const loaded = await this.loadTree(em, previous);
        if (loaded.fault === 'CHECKPOINT_SIGNATURE_INVALID')
          throw new CheckpointRefusedError('LATEST_CHECKPOINT_INVALID');
        if (loaded.fault) throw new CheckpointRefusedError('LEAVES_TAMPERED');
      }
      const moved: {
        id: string;
        last_seq: number;
        last_hash: string;
        old_length: number | null;
        old_hash: string | null;
        event_hash: string | null;
      }[] = await em.query(
        `SELECT o.id, o.last_seq, o.last_hash, l.length AS old_length, l.head_hash AS old_hash, e.hash AS event_hash
           FROM ${this.owners} o
           LEFT JOIN trace_checkpoint_leaf l ON l.owner_id = o.id
           LEFT JOIN ${this.events} e ON e.${this.ownerColumn} = o.id AND e.seq = l.length
          WHERE l.owner_id IS NULL OR l.length <> o.last_seq OR l.head_hash <> o.last_hash`,
      );
      const vanished: { owner_id: string }[] = await em.query(
        `SELECT l.owner_id FROM trace_checkpoint_leaf l
          WHERE NOT EXISTS (SELECT 1 FROM ${this.owners} o WHERE o.id = l.owner_id)`,
      );
      if (previous && moved.length === 0 && vanished.length === 0) return null;
      const rewritten = moved
        .filter((m) => m.old_length !== null && (m.last_seq < m.old_length || m.event_hash !== m.old_hash))
        .map((m) => m.id);
      if (rewritten.length > 0 || vanished.length > 0)
        throw new CheckpointRefusedError('CHAINS_REWRITTEN', [...rewritten, ...vanished.map((v) => v.owner_id)]);
      if (moved.length > 0)
        await em.query(
          `INSERT INTO trace_checkpoint_leaf (owner_id, length, head_hash)
           SELECT * FROM unnest($1::uuid[], $2::int[], $3::char(64)[])
           ON CONFLICT (owner_id) DO UPDATE SET length = excluded.length, head_hash = excluded.head_hash`,
          [moved.map((m) => m.id), moved.map((m) => m.last_seq), moved.map((m) => m.last_hash)],
        );
      const heads = await this.readLeaves(em);
      const tree = await treeOf(heads);
      const statement = {
        log: this.o.log,
        id: (previous?.id ?? 0) + 1,
        size: tree.size,
        rootHash: tree.root().toString('hex'),
        issuedAt: new Date(),
      };
      const signed = {
        ...statement,
        logKeyId: this.o.keys.log.id,
        signature: this.o.keys.log.sign(checkpointBody(statement)),
      };
      const countersigned = this.o.witness.countersign(signed, await this.ledger());
      if (!countersigned.ok) throw new CheckpointRefusedError('WITNESS_REFUSED');
      const checkpoint: TraceCheckpoint = {
        ...signed,
        supervisionKeyId: this.o.witness.keyId,
        cosignature: countersigned.cosignature,
      };
      await em.query(
        `INSERT INTO trace_checkpoint (id, size, root_hash, issued_at, log_key_id, signature, supervision_key_id, cosignature)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          checkpoint.id,
          checkpoint.size,
          checkpoint.rootHash,
          checkpoint.issuedAt,
          checkpoint.logKeyId,
          checkpoint.signature,
          checkpoint.supervisionKeyId,
          checkpoint.cosignature,
        ],
      );
      this.loaded = { checkpoint, tree, fault: null, index: indexOf(heads) };
      this.highestSeen = Math.max(this.highestSeen, checkpoint.id);
      return checkpoint;
    });
  }

  /** The latest published checkpoint, as stored (a verifier checks its signatures itself). */
  async latest(): Promise<TraceCheckpoint | null> {
    return this.readLatest(this.ds.manager);
  }

  /**
   * The inclusion proof of `ownerId`'s head in the latest checkpoint; null when there is no
   * checkpoint yet, the owner came after it, or the stored leaves no longer match the signed root.
   */
  async inclusion(ownerId: string): Promise<TraceInclusion | null> {
    const loaded = await this.current();
    if (typeof loaded === 'string' || !loaded.tree) return null;
    const entry = loaded.index.get(ownerId);
    if (!entry) return null;
    return {
      checkpoint: loaded.checkpoint,
      head: entry.head,
      leafIndex: entry.leafIndex,
      auditPath: loaded.tree.inclusionProof(entry.leafIndex).map((h) => h.toString('hex')),
    };
  }

  /**
   * Holds `ownerId`'s current chain to the latest checkpoint: the checkpoint's signatures verify
   * against this log's keys, its stored leaves rebuild its root, the owner's leaf proves inclusion,
   * and the chain still holds the checkpointed head at the checkpointed length. An owner the
   * checkpoint does not know (newer than it) passes. Callers verify the chain's own hashes first.
   */
  async check(ownerId: string): Promise<CheckpointCheck> {
    const loaded = await this.current();
    if (loaded === 'NONE') return { ok: true, checkpointId: null };
    if (loaded === 'MISSING') return { ok: false, brokenAtSeq: 1, reason: 'CHECKPOINT_MISSING' };
    if (loaded.fault || !loaded.tree)
      return { ok: false, brokenAtSeq: 1, reason: loaded.fault ?? 'CHECKPOINT_LEAVES_TAMPERED' };
    const entry = loaded.index.get(ownerId);
    if (!entry) return { ok: true, checkpointId: loaded.checkpoint.id };
    const proven = verifyInclusion({
      leafHash: traceHeadLeafHash(entry.head),
      index: entry.leafIndex,
      size: loaded.checkpoint.size,
      proof: loaded.tree.inclusionProof(entry.leafIndex),
      root: Buffer.from(loaded.checkpoint.rootHash, 'hex'),
    });
    if (!proven) return { ok: false, brokenAtSeq: 1, reason: 'CHECKPOINT_LEAVES_TAMPERED' };
    const [now]: { last_seq: number; hash: string | null }[] = await this.ds.query(
      `SELECT o.last_seq, e.hash FROM ${this.owners} o
         LEFT JOIN ${this.events} e ON e.${this.ownerColumn} = o.id AND e.seq = $2
        WHERE o.id = $1`,
      [ownerId, entry.head.length],
    );
    const { length, headHash } = entry.head;
    if (!now || now.last_seq < length || now.hash === null)
      return { ok: false, brokenAtSeq: Math.min(now?.last_seq ?? 0, length) + 1, reason: 'TRUNCATED_SINCE_CHECKPOINT' };
    if (now.hash !== headHash) return { ok: false, brokenAtSeq: length, reason: 'REWRITTEN_SINCE_CHECKPOINT' };
    return { ok: true, checkpointId: loaded.checkpoint.id };
  }

  /**
   * The latest checkpoint's tree, rebuilt from the stored leaves once per checkpoint; `NONE` before
   * the first checkpoint, `MISSING` when the database's latest is older than one this process has
   * published or verified (checkpoint rows were deleted).
   */
  private async current(): Promise<LoadedTree | 'NONE' | 'MISSING'> {
    await this.ledger();
    const latest = await this.readLatest(this.ds.manager);
    if (!latest) return this.highestSeen > 0 ? 'MISSING' : 'NONE';
    if (latest.id < this.highestSeen) return 'MISSING';
    if (this.loaded && this.sameCheckpoint(this.loaded.checkpoint, latest)) return this.loaded;
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      const again = await this.readLatest(em);
      return again ? this.loadTree(em, again) : 'MISSING';
    });
  }

  private async loadTree(em: EntityManager, checkpoint: TraceCheckpoint): Promise<LoadedTree> {
    if (this.loaded && this.sameCheckpoint(this.loaded.checkpoint, checkpoint)) return this.loaded;
    const pinned = { log: [this.o.keys.log], supervision: [this.o.keys.supervision] };
    let loaded: LoadedTree;
    if (!verifyCheckpoint(checkpoint, pinned).ok) {
      loaded = { checkpoint, tree: null, fault: 'CHECKPOINT_SIGNATURE_INVALID', index: new Map() };
    } else {
      const heads = await this.readLeaves(em);
      const tree = await treeOf(heads);
      const matches = tree.size === checkpoint.size && tree.root().toString('hex') === checkpoint.rootHash;
      loaded = matches
        ? { checkpoint, tree, fault: null, index: indexOf(heads) }
        : { checkpoint, tree: null, fault: 'CHECKPOINT_LEAVES_TAMPERED', index: new Map() };
    }
    // Only a tree that rebuilt its signed root is kept: later edits to the stored leaves cannot reach it.
    if (loaded.fault === null) {
      this.loaded = loaded;
      this.highestSeen = Math.max(this.highestSeen, checkpoint.id);
    }
    return loaded;
  }

  private sameCheckpoint(a: TraceCheckpoint, b: TraceCheckpoint): boolean {
    return a.id === b.id && a.signature === b.signature && a.cosignature === b.cosignature && a.rootHash === b.rootHash;
  }

  private async readLatest(em: EntityManager): Promise<TraceCheckpoint | null> {
    const [row]: CheckpointRow[] = await em.query('SELECT * FROM trace_checkpoint ORDER BY id DESC LIMIT 1');
    return row
      ? {
          log: this.o.log,
          id: row.id,
          size: row.size,
          rootHash: row.root_hash,
          issuedAt: row.issued_at,
          logKeyId: row.log_key_id,
          signature: row.signature,
          supervisionKeyId: row.supervision_key_id,
          cosignature: row.cosignature,
        }
      : null;
  }

  private async readLeaves(em: EntityManager): Promise<TraceHead[]> {
    const rows: { owner_id: string; length: number; head_hash: string }[] = await em.query(
      'SELECT owner_id, length, head_hash FROM trace_checkpoint_leaf ORDER BY owner_id',
    );
    return rows.map((r) => ({ ownerId: r.owner_id, length: r.length, headHash: r.head_hash }));
  }
}

/** The tree over `heads`, built in slices so the service keeps answering while it hashes. */
async function treeOf(heads: readonly TraceHead[]): Promise<MerkleTree> {
  const leafHashes: Buffer[] = [];
  for (const [i, head] of heads.entries()) {
    leafHashes.push(traceHeadLeafHash(head));
    if (i % 8192 === 8191) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return MerkleTree.fromLeafHashesInSlices(leafHashes);
}

function indexOf(heads: readonly TraceHead[]): Map<string, { leafIndex: number; head: TraceHead }> {
  return new Map(heads.map((head, leafIndex) => [head.ownerId, { leafIndex, head }]));
}
