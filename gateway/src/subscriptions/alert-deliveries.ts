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
  variables: Record<string, unknown>;
  responseKey: string;
}

/**
 * The delivery loop of `alertRaised`: replay the alerts after `after`, then live ones, each once
 * and in order with no gap (live alerts are buffered while replaying). Each alert the shared rule
 * lets the subscriber see is fetched through the gateway as the subscriber; one the alerts
 * subgraph refuses is never delivered.
 */
export async function* alertDeliveries(o: AlertDeliveriesOptions): AsyncGenerator<ExecutionResult> {
  const printed = print(o.query);
  const live = new AsyncQueue<FeedItem>();
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
      if (r) yield r;
    }
  } finally {
    unsubscribe();
    live.close();
  }
}
