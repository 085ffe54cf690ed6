import type { DataSource } from 'typeorm';
import { OutboxNotify1765000000000 } from '../db/outbox-notify.migration';
import { PlatformTables1763769600000 } from '../db/platform-tables.migration';
import { openTestDataSource } from '../testing/open-test-data-source';
import { markHandled } from './mark-handled';
import type { OutboxEvent } from './outbox-event';
import { OutboxReader } from './outbox-reader';
import { insertOutboxRow } from './insert-outbox-row';

describe('transactional outbox', () => {
  let db: Awaited<ReturnType<typeof openTestDataSource>>;
  let ds: DataSource;

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
  });

  const collect = (into: OutboxEvent[]) => async (events: OutboxEvent[]) => {
    into.push(...events);
  };

  /**
   * Polls until `count` events have arrived. Transaction ids are cluster-wide, so a transaction
   * of another test suite (another database, same server) can briefly hold the horizon back.
   */
  async function drain(reader: OutboxReader, into: OutboxEvent[], count: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (into.length < count && Date.now() < deadline) {
      if ((await reader.pollOnce(collect(into))) === 0) await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('publishes only with the transaction that wrote it', async () => {
    await ds
      .transaction(async (em) => {
        await insertOutboxRow(em, 'svc', { topic: 't', aggregateId: 'a', payload: { n: 1 } });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await ds.transaction((em) =>
      insertOutboxRow(em, 'svc', { topic: 't', aggregateId: 'b', unitCode: '139901000000', payload: { n: 2 } }),
    );
    const seen: OutboxEvent[] = [];
    const reader = new OutboxReader(ds, { source: 'svc', consumer: 'c' });
    await drain(reader, seen, 1);
    expect(await reader.pollOnce(collect(seen))).toBe(0);
    expect(seen.map((e) => e.aggregateId)).toEqual(['b']);
    expect(seen[0]).toMatchObject({ topic: 't', unitCode: '139901000000', payload: { n: 2 } });
  });

  it('never skips an event whose transaction commits after a later one (out of id order)', async () => {
    const reader = new OutboxReader(ds, { source: 'svc', consumer: 'c' });
    const seen: OutboxEvent[] = [];
    const slow = ds.createQueryRunner();
    const fast = ds.createQueryRunner();
    await slow.connect();
    await fast.connect();
    try {
      // The slow transaction inserts first (lower id), the fast one second, and the fast commits first.
      await slow.startTransaction();
      await insertOutboxRow(slow.manager, 'svc', { topic: 't', aggregateId: 'slow', payload: {} });
      await fast.startTransaction();
      await insertOutboxRow(fast.manager, 'svc', { topic: 't', aggregateId: 'fast', payload: {} });
      await fast.commitTransaction();

      // A naive "id > last id" reader would hand out 'fast' now and later skip 'slow'.
      expect(await reader.pollOnce(collect(seen))).toBe(0);

      await slow.commitTransaction();
      await drain(reader, seen, 2);
      expect(seen.map((e) => e.aggregateId).sort()).toEqual(['fast', 'slow']);
    } finally {
      await slow.release();
      await fast.release();
    }
  });

  it('reads a late-committing transaction whose txid is lower but whose row id is higher', async () => {
    const reader = new OutboxReader(ds, { source: 'svc', consumer: 'c2' });
    const seen: OutboxEvent[] = [];
    const early = ds.createQueryRunner();
    await early.connect();
    try {
      await early.startTransaction();
      await early.query('SELECT pg_current_xact_id()'); // takes its txid now
      await ds.transaction((em) => insertOutboxRow(em, 'svc', { topic: 't', aggregateId: 'second', payload: {} }));
      await insertOutboxRow(early.manager, 'svc', { topic: 't', aggregateId: 'first-txid', payload: {} });
      expect(await reader.pollOnce(collect(seen))).toBe(0);
      await early.commitTransaction();
      await drain(reader, seen, 2);
      expect(seen.map((e) => e.aggregateId)).toEqual(['first-txid', 'second']);
    } finally {
      await early.release();
    }
  });

  it('delivers again when the handler fails (at-least-once), and the inbox drops repeats', async () => {
    await ds.transaction((em) => insertOutboxRow(em, 'svc', { topic: 't', aggregateId: 'x', payload: {} }));
    const reader = new OutboxReader(ds, { source: 'svc', consumer: 'c3' });
    let crashed = false;
    for (const deadline = Date.now() + 10_000; !crashed && Date.now() < deadline;) {
      crashed = await reader
        .pollOnce(async () => {
          throw new Error('consumer crashed');
        })
        .then(
          () => false,
          (e: Error) => e.message === 'consumer crashed',
        );
    }
    expect(crashed).toBe(true);
    const effects: string[] = [];
    const handle = async (events: OutboxEvent[], em: Parameters<Parameters<OutboxReader['pollOnce']>[0]>[1]) => {
      for (const e of events) if (await markHandled(em, 'c3', 'svc', e.id)) effects.push(e.aggregateId);
    };
    const deadline = Date.now() + 10_000;
    while (effects.length === 0 && Date.now() < deadline) await reader.pollOnce(handle);
    expect(await reader.pollOnce(handle)).toBe(0);
    expect(effects).toEqual(['x']);
  });

  it('orders by transaction id as a number, not as text (9 before 10)', async () => {
    // Rows written by transactions 10 and 9 (long finished), inserted in the "wrong" id order.
    await ds.query(
      `INSERT INTO outbox (txid, topic, aggregate_id, payload) VALUES ('10', 't', 'ten', '{}'), ('9', 't', 'nine', '{}')`,
    );
    const seen: OutboxEvent[] = [];
    await drain(new OutboxReader(ds, { source: 'svc', consumer: 'c-order' }), seen, 2);
    expect(seen.map((e) => e.aggregateId)).toEqual(['nine', 'ten']);
  });

  it('wakes a started reader through NOTIFY', async () => {
    const reader = new OutboxReader(ds, { source: 'svc', consumer: 'c4' });
    const seen: OutboxEvent[] = [];
    const arrived = new Promise<void>((resolve) => {
      void reader.start(
        async (events) => {
          seen.push(...events);
          resolve();
        },
        db.url,
        60_000, // long interval: only the NOTIFY can wake it in time
      );
    });
    await new Promise((r) => setTimeout(r, 200));
    await ds.transaction((em) => insertOutboxRow(em, 'svc', { topic: 't', aggregateId: 'live', payload: {} }));
    await arrived;
    await reader.stop();
    expect(seen.map((e) => e.aggregateId)).toEqual(['live']);
  });
});
