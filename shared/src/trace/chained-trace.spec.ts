import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../testing/open-test-data-source';
import { chainHash, GENESIS_HASH } from './chain-hash';
import { chainedTrace, type TraceEvent } from './chained-trace';

describe('chainedTrace', () => {
  let db: Awaited<ReturnType<typeof openTestDataSource>>;
  let ds: DataSource;
  // The cases layout, quoted owner table included, in a throwaway schema without triggers.
  const trace = chainedTrace({
    eventTable: 'case_event',
    ownerTable: '"case"',
    ownerKey: 'caseId',
    ownerColumn: 'case_id',
  });

  beforeAll(async () => {
    db = await openTestDataSource({ schema: 'trc', entities: [], migrations: [] });
    ds = db.dataSource;
    await ds.query(`
      CREATE TABLE "case" (
        id uuid PRIMARY KEY,
        last_seq int NOT NULL DEFAULT 0,
        last_hash text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await ds.query(`
      CREATE TABLE case_event (
        case_id uuid NOT NULL REFERENCES "case" (id),
        seq int NOT NULL,
        kind text NOT NULL,
        actor text NOT NULL,
        at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        previous_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        idempotency_key text,
        PRIMARY KEY (case_id, seq)
      )`);
  });
  afterAll(() => db.close());

  const events: TraceEvent[] = [
    {
      kind: 'FILED',
      actor: 'clerk.1',
      at: new Date('2026-03-02T01:00:00.123Z'),
      payload: { number: '139901001001-2026-0001', 名称: '受理' },
      idempotencyKey: 'key-file-0001',
    },
    {
      kind: 'STEP_ADVANCED',
      actor: 'clerk.2',
      at: new Date('2026-03-03T02:00:00Z'),
      payload: { from: 1, to: 2, amounts: { contract: 120000 } },
      attachments: [{ name: '申请书', sha256: 'a'.repeat(64), size: 12, mediaType: 'application/pdf' }],
    },
    {
      kind: 'COMPLETED',
      actor: 'leader.1',
      at: new Date('2026-03-04T03:00:00Z'),
      payload: { outcome: 'APPROVED', note: null },
    },
  ];

  /** A new owner row with `events` appended in one transaction, as the services do. */
  async function anOwnerWith(list: readonly TraceEvent[]): Promise<{ id: string; hashes: string[] }> {
    const id = randomUUID();
    await ds.query('INSERT INTO "case" (id, last_hash, updated_at) VALUES ($1, $2, $3)', [
      id,
      GENESIS_HASH,
      new Date('2000-01-01T00:00:00Z'),
    ]);
    const hashes = await ds.transaction(async (em) => {
      const [row]: { last_seq: number; last_hash: string }[] = await em.query(
        'SELECT last_seq, last_hash FROM "case" WHERE id = $1 FOR UPDATE',
        [id],
      );
      const owner = { id, lastSeq: row!.last_seq, lastHash: row!.last_hash };
      const out: string[] = [];
      for (const [i, e] of list.entries()) {
        const appended = await trace.append(em, owner, e);
        expect(appended.seq).toBe(i + 1);
        expect(owner).toEqual({ id, lastSeq: appended.seq, lastHash: appended.hash });
        out.push(appended.hash);
      }
      return out;
    });
    return { id, hashes };
  }

  it('appends events chained from the genesis hash, moves the owner head, and verifies them', async () => {
    const { id, hashes } = await anOwnerWith(events);
    const rows: {
      seq: number;
      previous_hash: string;
      hash: string;
      idempotency_key: string | null;
      attachments: unknown;
    }[] = await ds.query(
      'SELECT seq, previous_hash, hash, idempotency_key, attachments FROM case_event WHERE case_id = $1 ORDER BY seq',
      [id],
    );
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.previous_hash)).toEqual([GENESIS_HASH, hashes[0], hashes[1]]);
    expect(rows.map((r) => r.hash)).toEqual(hashes);
    expect(rows.map((r) => r.idempotency_key)).toEqual(['key-file-0001', null, null]);
    expect(rows.map((r) => r.attachments)).toEqual([[], events[1]!.attachments, []]);
    const [head]: { last_seq: number; last_hash: string; updated_at: Date }[] = await ds.query(
      'SELECT last_seq, last_hash, updated_at FROM "case" WHERE id = $1',
      [id],
    );
    expect(head).toMatchObject({ last_seq: 3, last_hash: hashes[2] });
    expect(head!.updated_at.getTime()).toBeGreaterThan(new Date('2000-01-01T00:00:00Z').getTime());
    await expect(trace.verify(ds.manager, id)).resolves.toEqual({ ok: true, events: 3 });
  });

  it('hashes { caseId, seq, kind, actor, at, payload, attachments } when ownerKey is caseId (known answer)', async () => {
    const { id, hashes } = await anOwnerWith(events.slice(0, 2));
    const [first, second] = events as [TraceEvent, TraceEvent];
    const h1 = chainHash(GENESIS_HASH, {
      caseId: id,
      seq: 1,
      kind: 'FILED',
      actor: 'clerk.1',
      at: '2026-03-02T01:00:00.123Z',
      payload: first.payload,
      attachments: [],
    });
    const h2 = chainHash(h1, {
      caseId: id,
      seq: 2,
      kind: 'STEP_ADVANCED',
      actor: 'clerk.2',
      at: '2026-03-03T02:00:00.000Z',
      payload: second.payload,
      attachments: second.attachments,
    });
    expect(hashes).toEqual([h1, h2]);
    // The key's name is part of the hash: the same event under another ownerKey hashes differently.
    const other = chainHash(GENESIS_HASH, {
      complaintId: id,
      seq: 1,
      kind: 'FILED',
      actor: 'clerk.1',
      at: '2026-03-02T01:00:00.123Z',
      payload: first.payload,
      attachments: [],
    });
    expect(other).not.toBe(h1);
  });

  it('reports HASH_MISMATCH at the seq whose payload was changed in the table', async () => {
    const { id } = await anOwnerWith(events);
    await ds.query(`UPDATE case_event SET payload = jsonb_set(payload, '{from}', '2') WHERE case_id = $1 AND seq = 2`, [
      id,
    ]);
    await expect(trace.verify(ds.manager, id)).resolves.toEqual({ ok: false, brokenAtSeq: 2, reason: 'HASH_MISMATCH' });
  });

  it('reports MISSING_EVENTS when the last event was deleted', async () => {
    const { id } = await anOwnerWith(events);
    await ds.query('DELETE FROM case_event WHERE case_id = $1 AND seq = 3', [id]);
    await expect(trace.verify(ds.manager, id)).resolves.toEqual({
      ok: false,
      brokenAtSeq: 3,
      reason: 'MISSING_EVENTS',
    });
  });

  it('verifies an owner without events as intact, and one only its head points past as MISSING_EVENTS', async () => {
    const { id } = await anOwnerWith([]);
    await expect(trace.verify(ds.manager, id)).resolves.toEqual({ ok: true, events: 0 });
    await ds.query('UPDATE "case" SET last_seq = 1 WHERE id = $1', [id]);
    await expect(trace.verify(ds.manager, id)).resolves.toEqual({
      ok: false,
      brokenAtSeq: 1,
      reason: 'MISSING_EVENTS',
    });
  });

  it('refuses table and column names that are not plain identifiers, and an ownerKey the body already uses', () => {
    const ok = { eventTable: 'case_event', ownerTable: '"case"', ownerKey: 'caseId', ownerColumn: 'case_id' };
    expect(() => chainedTrace({ ...ok, eventTable: 'case_event; DROP TABLE x' })).toThrow(TypeError);
    expect(() => chainedTrace({ ...ok, ownerTable: 'public.case' })).toThrow('ownerTable');
    expect(() => chainedTrace({ ...ok, ownerTable: '"case' })).toThrow('ownerTable');
    expect(() => chainedTrace({ ...ok, ownerColumn: 'case_id = case_id OR true --' })).toThrow('ownerColumn');
    expect(() => chainedTrace({ ...ok, ownerKey: 'seq' })).toThrow('ownerKey');
    expect(() => chainedTrace({ ...ok, ownerKey: '' })).toThrow('ownerKey');
    expect(() => chainedTrace(ok)).not.toThrow();
  });
});
