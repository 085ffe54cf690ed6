import type { EntityManager } from 'typeorm';
import { sqlIdentifier } from '../db/sql-identifier';
import type { AttachmentRef } from './attachment-ref';
import { chainHash } from './chain-hash';
import { verifyChain, type ChainLink } from './verify-chain';

/** Where a trace lives. Table and column names are checked when the trace is created. */
export interface ChainedTraceOptions {
  /**
   * The events, e.g. `case_event`: `<ownerColumn>, seq, kind, actor, at, payload jsonb,
   * attachments jsonb, previous_hash, hash, idempotency_key`, keyed by `(<ownerColumn>, seq)`.
   */
  eventTable: string;
  /** The owners, e.g. `"case"` (quoted when a reserved word): `id, last_seq, last_hash, updated_at`. */
  ownerTable: string;
  /** The owner id's name in the hashed body, e.g. `caseId`; changing it changes every hash. */
  ownerKey: string;
  /** The owner id's column in `eventTable`, e.g. `case_id`. */
  ownerColumn: string;
}

/** An event about to be appended. */
export interface TraceEvent<K extends string = string> {
  kind: K;
  actor: string;
  at: Date;
  payload: Record<string, unknown>;
  attachments?: AttachmentRef[];
  idempotencyKey?: string;
}

/** The owner row's head of the chain, as read (and locked) by the caller; `append` advances it. */
export interface TraceOwner {
  id: string;
  lastSeq: number;
  lastHash: string;
}

/** Result of verifying one owner's trace. */
export type TraceVerdict = { ok: true; events: number } | { ok: false; brokenAtSeq: number; reason: string };

/** One owner table's append-only, hash-chained trace. */
export interface ChainedTrace<K extends string = string> {
  /**
   * Appends `e` as event `owner.lastSeq + 1`, chained to `owner.lastHash`, and moves the owner
   * row's (and `owner`'s) `lastSeq`/`lastHash` to it. The caller's transaction must hold the owner
   * row locked.
   */
  append(em: EntityManager, owner: TraceOwner, e: TraceEvent<K>): Promise<{ seq: number; hash: string }>;
  /**
   * Recomputes every hash of the owner's trace and reports the first broken event: a reason from
   * `verifyChain`, or `MISSING_EVENTS` when the owner row's head is past the last stored event.
   */
  verify(em: EntityManager, ownerId: string): Promise<TraceVerdict>;
}

const BODY_KEYS = new Set(['seq', 'kind', 'actor', 'at', 'payload', 'attachments']);

/**
 * An append-only, hash-chained trace (全程留痕) over `eventTable`, headed by `ownerTable`. Each
 * event's hash is `chainHash(previousHash, { [ownerKey]: ownerId, seq, kind, actor, at: ISO
 * string, payload, attachments })`; the owner row carries the last seq and hash, so a removed
 * tail is caught too.
 * @throws TypeError for a table or column name that is not a lower-case identifier (optionally
 * double-quoted), or an `ownerKey` that is not a camelCase name distinct from the body's keys.
 */
export function chainedTrace<K extends string = string>(o: ChainedTraceOptions): ChainedTrace<K> {
  const eventTable = sqlIdentifier(o.eventTable, 'eventTable');
  const ownerTable = sqlIdentifier(o.ownerTable, 'ownerTable');
  const ownerColumn = sqlIdentifier(o.ownerColumn, 'ownerColumn');
  const { ownerKey } = o;
  if (!/^[a-z][A-Za-z0-9]*$/.test(ownerKey) || BODY_KEYS.has(ownerKey)) {
    throw new TypeError(
      `ownerKey must be a camelCase name other than ${[...BODY_KEYS].join(', ')}; got ${JSON.stringify(ownerKey)}`,
    );
  }

  /** The canonical body a hash covers; rebuilt from the stored row when verifying. */
  const bodyOf = (
    ownerId: string,
    seq: number,
    e: { kind: string; actor: string; at: Date; payload: unknown; attachments: unknown },
  ) => ({
    [ownerKey]: ownerId,
    seq,
    kind: e.kind,
    actor: e.actor,
    at: e.at.toISOString(),
    payload: e.payload,
    attachments: e.attachments,
  });

  return {
    async append(em, owner, e) {
      const seq = owner.lastSeq + 1;
      const attachments = e.attachments ?? [];
      const hash = chainHash(owner.lastHash, bodyOf(owner.id, seq, { ...e, attachments }));
      await em.query(
        `INSERT INTO ${eventTable} (${ownerColumn}, seq, kind, actor, at, payload, attachments, previous_hash, hash, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          owner.id,
          seq,
          e.kind,
          e.actor,
          e.at,
          JSON.stringify(e.payload),
          JSON.stringify(attachments),
          owner.lastHash,
          hash,
          e.idempotencyKey ?? null,
        ],
      );
      await em.query(`UPDATE ${ownerTable} SET last_seq = $2, last_hash = $3, updated_at = now() WHERE id = $1`, [
        owner.id,
        seq,
        hash,
      ]);
      owner.lastSeq = seq;
      owner.lastHash = hash;
      return { seq, hash };
    },

    async verify(em, ownerId) {
      const rows: {
        seq: number;
        kind: string;
        actor: string;
        at: Date;
        payload: unknown;
        attachments: unknown;
        previous_hash: string;
        hash: string;
      }[] = await em.query(
        `SELECT seq, kind, actor, at, payload, attachments, previous_hash, hash FROM ${eventTable} WHERE ${ownerColumn} = $1 ORDER BY seq`,
        [ownerId],
      );
      const links: ChainLink[] = rows.map((r) => ({
        seq: r.seq,
        hash: r.hash,
        previousHash: r.previous_hash,
        body: bodyOf(ownerId, r.seq, r),
      }));
      const verdict = verifyChain(links);
      if (!verdict.ok) return { ok: false, brokenAtSeq: verdict.brokenAtSeq, reason: verdict.reason };
      const [head]: { last_seq: number; last_hash: string }[] = await em.query(
        `SELECT last_seq, last_hash FROM ${ownerTable} WHERE id = $1`,
        [ownerId],
      );
      const last = rows[rows.length - 1];
      if (!head || head.last_seq !== rows.length || (last && head.last_hash !== last.hash)) {
        return { ok: false, brokenAtSeq: Math.min(rows.length, head?.last_seq ?? 0) + 1, reason: 'MISSING_EVENTS' };
      }
      return { ok: true, events: rows.length };
    },
  };
}
