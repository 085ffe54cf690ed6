import type { Principal } from '@sunlight/shared';
import { print, type DocumentNode, type ExecutionResult } from 'graphql';
import type { AlertFeed, FeedItem } from './alert-feed';
import { matches, type SubscriptionFilter } from './alert-matcher';
import { AsyncQueue } from './async-queue';
import type { SharedExecution } from './shared-execution';

export interface AlertDeliveriesOptions {
  feed: AlertFeed;
  executions: SharedExecution;
  principal: Principal;
  filter: SubscriptionFilter;
  /** Replay from after this alert first (a reconnecting subscriber's last one). */
  after: string | null;
  /** The subscriber's selection rewritten as a query of `alert(id: $sunlightAlertId)`. */
  query: DocumentNode;
  /** `query` printed (shared by every subscriber of the same text). */
  printed?: string;
  variables: Record<string, unknown>;
  responseKey: string;
  /** Told of each live delivery (not a replayed one): the alert and when it was delivered. */
  onDelivered?: (item: FeedItem, at: number) => void;
}

/**
 * The delivery loop of `alertRaised`: replay the alerts after `after`, then live ones, each once
 * and in order with no gap (live alerts are buffered while replaying). Each alert the shared rule
 * lets the subscriber see is fetched through the gateway as the subscriber; one the alerts
 * subgraph refuses is never delivered.
 *
 * Ending it (`return()`, which graphql-ws calls when the subscriber leaves) ends it at once: an
 * async generator waiting for its next live alert would otherwise take the `return()` only at its
 * next `yield`, which for a quiet filter may never come, and the socket's clean-up (its timers,
 * the feed listener) waits behind it.
 */
export function alertDeliveries(o: AlertDeliveriesOptions): AsyncGenerator<ExecutionResult> {
  const live = new AsyncQueue<FeedItem>();
  const loop = deliveryLoop(o, live);
  const end = loop.return.bind(loop);
  return Object.assign(loop, {
    return: (value?: unknown) => {
      live.close(); // the waiting `for await` ends, so the generator reaches its `finally`
      return end(value as never);
    },
  });
}

async function* deliveryLoop(o: AlertDeliveriesOptions, live: AsyncQueue<FeedItem>): AsyncGenerator<ExecutionResult> {
  const printed = o.printed ?? print(o.query);
  const unsubscribe = o.feed.subscribe((item) => live.push(item));
  let last = 0n;
  const deliver = async (item: FeedItem): Promise<ExecutionResult | null> => {
    last = BigInt(item.seq);
    if (!matches(o.principal, o.filter, item)) return null;
    const r = await o.executions.get(o.principal, o.query, { ...o.variables, sunlightAlertId: item.id }, printed);
    const alert = (r.data as { alert?: unknown } | null | undefined)?.alert;
    if (!alert) return null;
    return { data: { [o.responseKey]: alert }, ...(r.errors ? { errors: r.errors } : {}) };
  };
  try {
    if (o.after) {
      for await (const item of o.feed.replay(o.after)) {
        const r = await deliver(item);
        if (r) yield r;
      }
    } else last = o.feed.head;
    for await (const item of live) {
      if (BigInt(item.seq) <= last) continue; // already replayed
      const r = await deliver(item);
      if (!r) continue;
      o.onDelivered?.(item, Date.now());
      yield r;
    }
  } finally {
    unsubscribe();
    live.close();
  }
}
