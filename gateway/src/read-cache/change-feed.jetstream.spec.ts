import { createLogger, eventSubject, streamEventCodec, type OutboxEvent } from '@sunlight/shared';
import { describeWithNats, openTestEventStream, type TestEventStream } from '@sunlight/shared/testing';
import { ScopeChangeClock } from './change-clock';
import { ChangeFeed } from './change-feed';

describeWithNats('ChangeFeed on JetStream: scopes marked from the event stream', (natsUrl) => {
  let events: TestEventStream;
  let feed: ChangeFeed;
  const clock = new ScopeChangeClock();

  beforeAll(async () => {
    events = await openTestEventStream(natsUrl);
    // No database at all: what it hears of events comes from the stream alone.
    feed = new ChangeFeed(clock, {
      events: events.stream,
      sources: ['cases'],
      settleMs: 60_000,
      logger: createLogger('test'),
    });
    await feed.start();
  });
  afterAll(async () => {
    await feed.stop();
    await events.remove();
  });

  const heard = () =>
    new Promise<string | null>((resolve) => {
      const off = feed.subscribe((unit) => {
        off();
        resolve(unit);
      });
    });

  const publish = (source: string, unitCode: string | null, id: string) => {
    const event = {
      id,
      txid: '1',
      topic: 'case.filed',
      unitCode,
      aggregateId: 'c',
      payload: { caseId: 'c', number: 'n', powerId: 'p', powerVersion: 1 },
      createdAt: new Date(),
    } satisfies OutboxEvent<'case.filed'>;
    return events.stream.js.publish(
      eventSubject(events.config, source, event.topic),
      streamEventCodec.encode(source, event),
      {
        msgID: streamEventCodec.messageId(source, event),
      },
    );
  };

  it("marks only the event's unit's scopes when an event of any source is published", async () => {
    const before = clock.sequence;
    const next = heard();
    await publish('evaluations', '139901001000', '1');
    expect(await next).toBe('139901001000');
    expect(clock.changedSince('139901', before)).toBe(true);
    expect(clock.changedSince('139902', before)).toBe(false);
  });

  it('marks every scope for an event without a unit', async () => {
    const before = clock.sequence;
    const next = heard();
    await publish('cases', null, '2');
    expect(await next).toBeNull();
    for (const scope of ['1399', '139902']) expect(clock.changedSince(scope, before)).toBe(true);
  });
});
