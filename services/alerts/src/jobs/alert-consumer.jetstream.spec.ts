import { randomUUID } from 'node:crypto';
import { createLogger, eventSubject, OutboxRelay, streamEventCodec } from '@sunlight/shared';
import { describeWithNats, openTestEventStream, type TestEventStream } from '@sunlight/shared/testing';
import { aCardRaised, aComplaintOverdue, aLowRating } from '../testing/alert-events';
import { openAlertsDatabase, type AlertsDatabase } from '../testing/alerts-database';
import { ALERT_SOURCES, AlertConsumer } from './alert-consumer';

const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';

describeWithNats('AlertConsumer on JetStream: the sources’ events from the event stream into alerts', (natsUrl) => {
  let db: AlertsDatabase;
  let events: TestEventStream;
  let relays: OutboxRelay[];
  let consumer: AlertConsumer;

  beforeAll(async () => {
    db = await openAlertsDatabase();
    events = await openTestEventStream(natsUrl);
    relays = ALERT_SOURCES.map(
      (source) => new OutboxRelay(db.outboxes.dataSourceOf(source), events.stream, { source }),
    );
    consumer = new AlertConsumer(db.ds, createLogger('alerts-test'), undefined, events.stream);
  });
  afterAll(async () => {
    await events.remove();
    await db.close();
  });

  /** Relays every source's outbox into the stream, then lets the consumer read the stream. */
  async function relayAndDrain(): Promise<number> {
    for (const relay of relays) await relay.drain();
    return consumer.drain(20_000);
  }

  it('raises exactly one alert per event read from the stream, none from the outboxes directly', async () => {
    const card = aCardRaised(TOWNSHIP, 'YELLOW');
    const overdue = aComplaintOverdue({ handlerUnit: COUNTY, accusedUnit: TOWNSHIP, againstLeadership: false });
    const low = aLowRating(TOWNSHIP, 1);
    const cardId = await db.outboxes.publish(card);
    await db.outboxes.publish(overdue);
    await db.outboxes.publish(low);
    expect(await relayAndDrain()).toBe(3);
    expect(await relayAndDrain()).toBe(0);
    expect(await db.alertsAbout(card.aggregateId)).toEqual([
      expect.objectContaining({ kind: 'CARD', level: 'YELLOW', source: 'cases', source_event_id: cardId }),
    ]);
    expect(await db.alertsAbout(overdue.aggregateId)).toEqual([
      expect.objectContaining({ kind: 'COMPLAINT_OVERDUE', source: 'complaints' }),
    ]);
    // the stream consumer, not the outbox reader, read them: the alerts' outbox cursors never moved
    expect(await db.count("SELECT count(*) FROM outbox_cursor WHERE consumer = 'alerts'")).toBe(0);
  });

  it('raises nothing again for a message delivered again (its ack lost) or published again under a new id', async () => {
    const card = aCardRaised(COUNTY, 'RED');
    await db.outboxes.publish(card);
    for (const relay of relays) await relay.drain();
    // Handle the message as the consumer does, commit, then lose the ack: JetStream delivers it again.
    const durable = await events.stream.js.consumers.get(events.config.name, 'alerts-cases');
    const m = await durable.next({ expires: 5000 });
    if (!m) throw new Error('the relayed card never reached the alerts consumer');
    const { source, event } = streamEventCodec.decode(m.string());
    expect(await db.ds.transaction((em) => consumer.handle(source, [event], em))).toBe(1);
    m.nak();
    const reads: string[] = [];
    const counting = new AlertConsumer(db.ds, createLogger('alerts-test'), (s) => reads.push(s), events.stream);
    expect(await counting.drain(20_000)).toBe(0);
    expect(reads).toEqual(['cases']); // it was delivered again, and dropped
    const info = await events.stream.jsm.consumers.info(events.config.name, 'alerts-cases');
    expect(info.num_pending + info.num_ack_pending).toBe(0);
    // A replay past the duplicate window carries another message id: the inbox drops it.
    await events.stream.js.publish(eventSubject(events.config, 'cases', event.topic), m.string(), {
      msgID: `replayed-${randomUUID()}`,
    });
    expect(await counting.drain(20_000)).toBe(0);
    expect(reads).toEqual(['cases', 'cases']);
    expect(await db.alertsAbout(card.aggregateId)).toHaveLength(1);
  });

  it("raises a source's alerts in the source's commit order", async () => {
    const cards = Array.from({ length: 12 }, () => aCardRaised(TOWNSHIP, 'REMINDER'));
    await Promise.all(cards.map((c) => db.outboxes.publish(c)));
    expect(await relayAndDrain()).toBe(12);
    const inOutbox: { id: string }[] = await db.ds.query(
      'SELECT id::text FROM cases.outbox WHERE aggregate_id = ANY($1) ORDER BY txid, id',
      [cards.map((c) => c.aggregateId)],
    );
    const bySeq: { source_event_id: string }[] = await db.ds.query(
      'SELECT source_event_id::text FROM alert WHERE subject_id = ANY($1) ORDER BY seq',
      [cards.map((c) => c.aggregateId)],
    );
    expect(bySeq.map((a) => a.source_event_id)).toEqual(inOutbox.map((r) => r.id));
  });

  it('keeps reading once started, as a message arrives', async () => {
    const live = new AlertConsumer(db.ds, createLogger('alerts-test'), undefined, events.stream);
    await live.start('unused: the stream wakes it');
    try {
      const card = aCardRaised(TOWNSHIP, 'YELLOW');
      await db.outboxes.publish(card);
      for (const relay of relays) await relay.drain();
      const deadline = Date.now() + 10_000;
      while ((await db.alertsAbout(card.aggregateId)).length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(await db.alertsAbout(card.aggregateId)).toHaveLength(1);
    } finally {
      await live.stop();
    }
  });
});
