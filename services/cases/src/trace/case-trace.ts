import { chainHash, verifyChain, type ChainLink } from '@sunlight/shared';
import type { EntityManager } from 'typeorm';
import type { AttachmentRef, CaseEventKind } from './case-event-kind';

/** An event about to be appended. */
export interface NewCaseEvent {
  kind: CaseEventKind;
  actor: string;
  at: Date;
  payload: Record<string, unknown>;
  attachments?: AttachmentRef[];
  idempotencyKey?: string;
}

/** The canonical body a trace hash covers; rebuilt from the stored row when verifying. */
function bodyOf(caseId: string, seq: number, e: { kind: string; actor: string; at: Date; payload: unknown; attachments: unknown }) {
  return { caseId, seq, kind: e.kind, actor: e.actor, at: e.at.toISOString(), payload: e.payload, attachments: e.attachments };
}

/** Result of verifying a case's trace. */
export type TraceVerdict = { ok: true; events: number } | { ok: false; brokenAtSeq: number; reason: string };

/**
 * The case's append-only, hash-chained trace (全程留痕). Each event's hash covers its canonical
 * form and the previous event's hash; the case row carries the last hash, so a removed tail is
 * caught too. Appending requires the case row to be locked by the caller's transaction.
 */
export const caseTrace = {
  async append(em: EntityManager, c: { id: string; lastSeq: number; lastHash: string }, e: NewCaseEvent): Promise<{ seq: number; hash: string }> {
    const seq = c.lastSeq + 1;
    const attachments = e.attachments ?? [];
    const hash = chainHash(c.lastHash, bodyOf(c.id, seq, { ...e, attachments }));
    await em.query(
      `INSERT INTO case_event (case_id, seq, kind, actor, at, payload, attachments, previous_hash, hash, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [c.id, seq, e.kind, e.actor, e.at, JSON.stringify(e.payload), JSON.stringify(attachments), c.lastHash, hash, e.idempotencyKey ?? null],
    );
    await em.query('UPDATE "case" SET last_seq = $2, last_hash = $3, updated_at = now() WHERE id = $1', [c.id, seq, hash]);
    c.lastSeq = seq;
    c.lastHash = hash;
    return { seq, hash };
  },

  /** Recomputes every hash of the case's trace; reports the first broken event. */
  async verify(em: EntityManager, caseId: string): Promise<TraceVerdict> {
    const rows: { seq: number; kind: string; actor: string; at: Date; payload: unknown; attachments: unknown; previous_hash: string; hash: string }[] = await em.query(
      'SELECT seq, kind, actor, at, payload, attachments, previous_hash, hash FROM case_event WHERE case_id = $1 ORDER BY seq',
      [caseId],
    );
    const links: ChainLink[] = rows.map((r) => ({ seq: r.seq, hash: r.hash, previousHash: r.previous_hash, body: bodyOf(caseId, r.seq, r) }));
    const verdict = verifyChain(links);
    if (!verdict.ok) return { ok: false, brokenAtSeq: verdict.brokenAtSeq, reason: verdict.reason };
    const [head]: { last_seq: number; last_hash: string }[] = await em.query('SELECT last_seq, last_hash FROM "case" WHERE id = $1', [caseId]);
    const last = rows[rows.length - 1];
    if (!head || head.last_seq !== rows.length || (last && head.last_hash !== last.hash)) {
      return { ok: false, brokenAtSeq: Math.min(rows.length, head?.last_seq ?? 0) + 1, reason: 'MISSING_EVENTS' };
    }
    return { ok: true, events: rows.length };
  },
};
