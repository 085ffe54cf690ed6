import type { DataSource } from 'typeorm';
import { OutboxNotify1765000000000 } from '../../db/outbox-notify.migration';
import { PlatformTables1763769600000 } from '../../db/platform-tables.migration';
import { describeWithNats } from '../../testing/describe-with-nats';
import { openTestDataSource } from '../../testing/open-test-data-source';
import { openTestEventStream, type TestEventStream } from '../../testing/test-event-stream';
import { insertOutboxRow } from '../insert-outbox-row';
import { EventStream } from './event-stream';
import { OutboxRelay } from './outbox-relay';

/** What the stream holds, in stream order: each message's subject, message id and body. */
async function stored(stream: EventStream): Promise<{ subject: string; msgId: string | undefined; body: any }[]> {
  const { state } = await stream.jsm.streams.info(stream.config.name);
  const out = [];
  for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
    const m = await stream.jsm.streams.getMessage(stream.config.name, { seq });
    if (m) out.push({ subject: m.subject, msgId: m.header?.get('Nats-Msg-Id'), body: m.json() });
  }
  return out;
}

describeWithNats('OutboxRelay: a service outbox into JetStream', (natsUrl) => {
  let db: Awaited<ReturnType<typeof openTestDataSource>>;
  let ds: DataSource;
  let events: TestEventStream;

  beforeAll(async () => {
    db = await openTestDataSource({
      schema: 'svc',
      entities: [],
      migrations: [PlatformTables1763769600000, OutboxNotify1765000000000],
    });
    ds = db.dataSource;
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await ds.query('TRUNCATE outbox, outbox_cursor, inbox');
    events = await openTestEventStream(natsUrl);
  });
  afterEach(() => events.remove());

  const write = (aggregateId: string, topic = 'case.filed') =>
    ds.transaction((em) =>
      insertOutboxRow(em, 'svc', { topic, aggregateId, unitCode: '139901000000', payload: { aggregateId } }),
    );

  it('publishes each event once, as JSON under <prefix>.<source>.<topic>, with its message id', async () => {
    const id = await write('a', 'case.card_raised');
    const relay = new OutboxRelay(ds, events.stream, { source: 'svc' });
    expect(await relay.drain()).toBe(1);
    expect(await relay.drain()).toBe(0);
    const [row] = await ds.query('SELECT txid::text AS txid, created_at FROM outbox WHERE id = $1', [id]);
    expect(await stored(events.stream)).toEqual([
      {
        subject: `${events.config.subjectPrefix}.svc.case.card_raised`,
        msgId: `svc:${row.txid}:${id}`,
        body: {
          source: 'svc',
          id,
          txid: row.txid,
          topic: 'case.card_raised',
          unitCode: '139901000000',
          aggregateId: 'a',
          payload: { aggregateId: 'a' },
          createdAt: row.created_at.toISOString(),
        },
      },
    ]);
  });

  it("keeps the outbox's commit-safe order: a transaction that took its txid first comes first", async () => {
    // 'early' takes its txid, 'late' writes and commits, then 'early' writes and commits: ids say
    // late < early, the reader's order (txid) says early < late; the stream must agree with the reader.
    const early = ds.createQueryRunner();
    await early.connect();
    try {
      await early.startTransaction();
      await early.query('SELECT pg_current_xact_id()');
      await write('late');
      await insertOutboxRow(early.manager, 'svc', { topic: 'case.filed', aggregateId: 'early', payload: {} });
      const relay = new OutboxRelay(ds, events.stream, { source: 'svc' });
      expect(await relay.pollOnce()).toBe(0); // 'late' is held back behind the open transaction
      await early.commitTransaction();
      // and a burst of concurrent writers
      await Promise.all(Array.from({ length: 40 }, (_, i) => write(`w${i}`)));
      expect(await relay.drain()).toBe(42);
    } finally {
      await early.release();
    }
    const order: { aggregate_id: string }[] = await ds.query('SELECT aggregate_id FROM outbox ORDER BY txid, id');
    const inStream = (await stored(events.stream)).map((m) => m.body.aggregateId);
    expect(inStream.slice(0, 2)).toEqual(['early', 'late']);
    expect(inStream).toEqual(order.map((r) => r.aggregate_id));
  });

  it('a restarted relay publishes again what it had not recorded, and JetStream drops the duplicates', async () => {
    for (const a of ['a', 'b', 'c']) await write(a);
    const first = new OutboxRelay(ds, events.stream, { source: 'svc' });
    expect(await first.drain()).toBe(3);
    // As if the relay died after its PubAcks and before its cursor's commit: the cursor is back.
    await ds.query("UPDATE outbox_cursor SET last_txid = '0', last_id = 0 WHERE consumer = 'relay'");
    await write('d');
    const restarted = new OutboxRelay(ds, await events.reconnect(), { source: 'svc' });
    expect(await restarted.drain()).toBe(4);
    expect(restarted.duplicates).toBe(3);
    expect((await stored(events.stream)).map((m) => m.body.aggregateId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a batch that fails half-way is published again whole, in order, without duplicates in the stream', async () => {
    await write('a');
    await write('b');
    // A topic that is no valid subject token makes the publish fail after 'a' and 'b' went out.
    const bad = await write('bad', 'case filed');
    await write('c');
    const relay = new OutboxRelay(ds, events.stream, { source: 'svc' });
    let failure: unknown;
    for (const deadline = Date.now() + 10_000; failure === undefined && Date.now() < deadline;) {
      // 0 while another suite's transaction holds the server's horizon back; never a whole batch
      const n = await relay.pollOnce().catch((e: unknown) => ((failure = e), -1));
      expect(n).toBeLessThanOrEqual(0);
      if (n === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(String(failure)).toMatch(/subject/i);
    // the batch's transaction rolled back: no cursor moved (none was even recorded)
    expect(await ds.query('SELECT count(*)::int AS n FROM outbox_cursor WHERE last_id > 0')).toEqual([{ n: 0 }]);
    expect((await stored(events.stream)).map((m) => m.body.aggregateId)).toEqual(['a', 'b']);
    await ds.query('DELETE FROM outbox WHERE id = $1', [bad]);
    expect(await relay.drain()).toBe(3);
    expect(relay.duplicates).toBe(2);
    expect((await stored(events.stream)).map((m) => m.body.aggregateId)).toEqual(['a', 'b', 'c']);
  });

  it('reads nothing while NATS is unreachable (a batch would hold a transaction open), and catches up after', async () => {
    await write('waiting');
    const relay = new OutboxRelay(ds, events.stream, { source: 'svc' });
    events.stream.connected = false; // as the client's status reports a disconnect
    try {
      expect(await relay.pollOnce()).toBe(0);
      expect(await ds.query("SELECT count(*)::int AS n FROM outbox_cursor WHERE consumer = 'relay'")).toEqual([
        { n: 0 },
      ]);
    } finally {
      events.stream.connected = true; // and then the reconnect
    }
    expect(await relay.drain()).toBe(1);
    expect((await stored(events.stream)).map((m) => m.body.aggregateId)).toEqual(['waiting']);
  });

  it('wakes on the outbox NOTIFY once started', async () => {
    const relay = new OutboxRelay(ds, events.stream, { source: 'svc' });
    await relay.start(db.url, 60_000); // long interval: only the NOTIFY can wake it in time
    try {
      await write('live');
      const deadline = Date.now() + 10_000;
      while ((await stored(events.stream)).length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect((await stored(events.stream)).map((m) => m.body.aggregateId)).toEqual(['live']);
    } finally {
      await relay.stop();
    }
  });

  it('makes sure of the stream idempotently: a second process changes nothing, a new setting is applied', async () => {
    const before = await events.stream.jsm.streams.info(events.config.name);
    const again = await events.reconnect();
    const after = await again.jsm.streams.info(events.config.name);
    expect(after.created).toEqual(before.created);
    expect(after.config.subjects).toEqual([`${events.config.subjectPrefix}.>`]);
    expect(after.config.duplicate_window).toBe(60_000 * 1_000_000);
    const changed = await EventStream.connect(natsUrl, { ...events.config, duplicateWindowMs: 30_000 });
    try {
      const updated = await changed.jsm.streams.info(events.config.name);
      expect(updated.created).toEqual(before.created);
      expect(updated.config.duplicate_window).toBe(30_000 * 1_000_000);
    } finally {
      await changed.close();
    }
  });
});
