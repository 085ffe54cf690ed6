import { Role, type Principal } from '@sunlight/shared';
import { GraphQLError, parse, type ExecutionResult } from 'graphql';
import type { AlertFeed, FeedItem } from './alert-feed';
import { AlertAudiences } from './alert-audiences';
import { alertDeliveries } from './alert-deliveries';
import type { SharedExecution } from './shared-execution';

const PRINTED = 'query($sunlightAlertId: ID!) { alert(id: $sunlightAlertId) { id } }';
const inspector: Principal = { subject: 'i', role: Role.INSPECTOR, unit: '139901000000' };

function alert(n: number): FeedItem {
  return {
    id: `a${n}`,
    seq: String(n),
    kind: 'CARD',
    level: 'RED',
    unitCode: '139901000000',
    accusedUnit: null,
    accusedDepartment: null,
    againstLeadership: false,
    raisedAt: new Date().toISOString(),
  };
}

/** A feed at `head`, whose replay yields `history` (after a pause, for live alerts to arrive meanwhile). */
function setUp(o: { head?: number; history?: FeedItem[]; answer?: (id: string) => ExecutionResult } = {}) {
  let listener: (item: FeedItem) => void = () => undefined;
  let replayStarted: () => void = () => undefined;
  const replaying = new Promise<void>((r) => (replayStarted = r));
  let releaseReplay: () => void = () => undefined;
  const released = new Promise<void>((r) => (releaseReplay = r));
  const feed = {
    head: BigInt(o.head ?? 0),
    subscribe: (l: (item: FeedItem) => void) => {
      listener = l;
      return () => undefined;
    },
    async *replay() {
      replayStarted();
      await released;
      yield* o.history ?? [];
    },
  } as unknown as AlertFeed & { head: bigint };
  const executions = {
    get: (_p: Principal, _q: unknown, v: Record<string, unknown>) =>
      Promise.resolve(o.answer?.(v['sunlightAlertId'] as string) ?? { data: { alert: { id: v['sunlightAlertId'] } } }),
  } as unknown as SharedExecution;
  const audiences = new AlertAudiences(feed, executions, () => 0);
  const frames: string[] = [];
  const subscribe = (after: string | null = null) =>
    alertDeliveries({
      audiences,
      channel: { id: 's1', send: (f) => void frames.push(f) },
      principal: inspector,
      filter: {},
      after,
      query: parse(PRINTED),
      printed: PRINTED,
      variables: {},
      responseKey: 'alertRaised',
    });
  const raise = (item: FeedItem) => {
    feed.head = BigInt(item.seq);
    listener(item);
  };
  const ids = () =>
    frames.map(
      (f) => (JSON.parse(f) as { payload: { data: { alertRaised: { id: string } } } }).payload.data.alertRaised.id,
    );
  return { audiences, subscribe, raise, frames, ids, replaying, releaseReplay };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
};

describe('alertDeliveries', () => {
  it('writes each live alert as a graphql-ws next frame of the subscription, none raised before it began', async () => {
    const { subscribe, raise, frames, ids } = setUp({ head: 5 });
    const deliveries = subscribe();
    raise(alert(6));
    await settle();
    expect(frames).toEqual(['{"id":"s1","type":"next","payload":{"data":{"alertRaised":{"id":"a6"}}}}']);
    raise(alert(7));
    await settle();
    expect(ids()).toEqual(['a6', 'a7']);
    await deliveries.return!();
  });

  it('ends at once when the subscriber leaves while no alert arrives, and leaves its audience', async () => {
    const { audiences, subscribe } = setUp();
    const deliveries = subscribe();
    const next = deliveries.next(); // waits: the alerts go to the socket, graphql-ws is given none
    expect(audiences.size).toBe(1);
    await expect(deliveries.return!()).resolves.toEqual({ value: undefined, done: true });
    await expect(next).resolves.toEqual({ value: undefined, done: true });
    expect(audiences.size).toBe(0);
  });

  it('replays the alerts after `after`, then the live ones that came meanwhile, each once and in order', async () => {
    const { subscribe, raise, ids, replaying, releaseReplay } = setUp({
      head: 3,
      history: [alert(2), alert(3), alert(4)],
    });
    const deliveries = subscribe('a1');
    await replaying;
    raise(alert(4)); // live while replaying, and in the replay too
    raise(alert(5)); // live while replaying only
    await settle();
    expect(ids()).toEqual([]); // held until the replay is through
    releaseReplay();
    await settle();
    expect(ids()).toEqual(['a2', 'a3', 'a4', 'a5']);
    raise(alert(6));
    await settle();
    expect(ids()).toEqual(['a2', 'a3', 'a4', 'a5', 'a6']);
    await deliveries.return!();
  });

  it('fails with SERVICE_UNAVAILABLE when an alert cannot be fetched, for graphql-ws to send as its error', async () => {
    const outage: ExecutionResult = {
      data: { alert: null },
      errors: [new GraphQLError('预警服务暂不可用', { extensions: { code: 'SERVICE_UNAVAILABLE' } })],
    };
    const { audiences, subscribe, raise } = setUp({ answer: () => outage });
    const deliveries = subscribe();
    const next = deliveries.next();
    raise(alert(1));
    const error: unknown = await next.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('SERVICE_UNAVAILABLE');
    expect(audiences.size).toBe(0);
  });
});
