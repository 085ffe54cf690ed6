import type { Principal } from '@sunlight/shared';
import { GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';
import { OutageErrorCode } from '../errors/service-unavailable';
import type { FeedItem } from './alert-feed';
import type { AlertAudiences, AudienceTerms, LiveAlert } from './alert-audiences';
import { matches, type SubscriptionFilter } from './alert-matcher';
import { AsyncQueue } from './async-queue';
import { isOutageResult } from './outage-result';

export interface AlertDeliveriesOptions {
  /** The alert feed's subscribers grouped by what they receive. */
  audiences: AlertAudiences;
  principal: Principal;
  filter: SubscriptionFilter;
  /** Replay from after this alert first (a reconnecting subscriber's last one). */
  after: string | null;
  /** The subscriber's selection rewritten as a query of `alert(id: $sunlightAlertId)`. */
  query: DocumentNode;
  /** `query` printed (shared by every subscriber of the same text). */
  printed: string;
  variables: Record<string, unknown>;
  responseKey: string;
  /** Told of each live delivery (not a replayed one): the alert and when it was delivered. */
  onDelivered?: (item: FeedItem, at: number) => void;
}

/** How many times an alert's content is asked for while the alerts subgraph does not answer (about 10 s). */
const DELIVERY_ATTEMPTS = 8;

/** Ends a subscription whose next alert could not be fetched: the client resumes after its last one. */
function deliveryUnavailable(): GraphQLError {
  return new GraphQLError('预警服务暂时不可用，请稍后以最后收到的预警（after）重新订阅，不会遗漏', {
    extensions: { code: OutageErrorCode.SERVICE_UNAVAILABLE },
  });
}

/**
 * The delivery loop of `alertRaised`: replay the alerts after `after`, then live ones, each once
 * and in order with no gap (live alerts are buffered while replaying). Each alert the shared rule
 * lets the subscriber see is fetched through the gateway as the subscriber; one the alerts
 * subgraph refuses is never delivered. One it does not answer for (an outage) is asked for again,
 * and after {@link DELIVERY_ATTEMPTS} the subscription ends with SERVICE_UNAVAILABLE rather than
 * skip it: the subscriber resumes after the last alert it received and misses nothing.
 *
 * Live alerts are matched and their content fetched by the subscriber's audience
 * ({@link AlertAudiences}) as they arrive; the loop only waits for each in turn.
 *
 * Ending it (`return()`, which graphql-ws calls when the subscriber leaves) ends it at once: an
 * async generator waiting for its next live alert would otherwise take the `return()` only at its
 * next `yield`, which for a quiet filter may never come, and the socket's clean-up (its timers,
 * the feed listener) waits behind it.
 */
export function alertDeliveries(o: AlertDeliveriesOptions): AsyncGenerator<ExecutionResult> {
  const live = new AsyncQueue<LiveAlert>();
  const loop = deliveryLoop(o, live);
  const end = loop.return.bind(loop);
  return Object.assign(loop, {
    return: (value?: unknown) => {
      live.close(); // the waiting `for await` ends, so the generator reaches its `finally`
      return end(value as never);
    },
  });
}

async function* deliveryLoop(o: AlertDeliveriesOptions, live: AsyncQueue<LiveAlert>): AsyncGenerator<ExecutionResult> {
  const terms: AudienceTerms = {
    principal: o.principal,
    filter: o.filter,
    query: o.query,
    printed: o.printed,
    variables: o.variables,
  };
  const leave = o.audiences.join(terms, (alert) => live.push(alert));
  let last = 0n;
  /** The alert as the subscriber sees it, from its first answer `first`; null when it is not the subscriber's to see. */
  const deliver = async (item: FeedItem, first: Promise<ExecutionResult>): Promise<ExecutionResult | null> => {
    last = BigInt(item.seq);
    let answer = first;
    for (let attempt = 1; ; attempt++) {
      const r = await answer;
      const alert = (r.data as { alert?: unknown } | null | undefined)?.alert;
      if (alert) return { data: { [o.responseKey]: alert }, ...(r.errors ? { errors: r.errors } : {}) };
      if (!isOutageResult(r)) return null; // refused: not this subscriber's to see
      if (live.isClosed) return null; // the subscriber has left: ask no more as it
      // The alerts subgraph did not answer (a replica restarting): skipping the alert would lose it.
      if (attempt >= DELIVERY_ATTEMPTS) throw deliveryUnavailable();
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * 2 ** attempt)));
      answer = o.audiences.content(terms, item.id);
    }
  };
  try {
    if (o.after) {
      for await (const item of o.audiences.feed.replay(o.after)) {
        if (!matches(o.principal, o.filter, item)) {
          last = BigInt(item.seq);
          continue;
        }
        const r = await deliver(item, o.audiences.content(terms, item.id));
        if (r) yield r;
      }
    } else last = o.audiences.feed.head;
    for await (const { item, content } of live) {
      if (BigInt(item.seq) <= last) continue; // already replayed
      const r = await deliver(item, content);
      if (!r) continue;
      o.onDelivered?.(item, Date.now());
      yield r;
    }
  } finally {
    leave();
    live.close();
  }
}
