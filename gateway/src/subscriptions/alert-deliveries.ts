import type { Principal } from '@sunlight/shared';
import { GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';
import type { FeedItem } from './alert-feed';
import type { AlertAudiences, AlertMember, AudienceTerms } from './alert-audiences';
import { matches, type SubscriptionFilter } from './alert-matcher';

/** Where a subscription's frames go: its socket and its id in the graphql-ws protocol. */
export interface SubscriptionChannel {
  /** The subscription's id, as the client gave it. */
  id: string;
  /** Sends one text frame on the subscriber's socket. */
  send(frame: string): void;
}

export interface AlertDeliveriesOptions {
  /** The alert feed's subscribers grouped by what they receive. */
  audiences: AlertAudiences;
  channel: SubscriptionChannel;
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

/**
 * `alertRaised` for one subscriber: the alerts raised after `after` replayed in order first, then
 * live ones, each once and in order with no gap (live alerts are held while replaying). Each is
 * the answer of the subscriber's own selection fetched through the gateway with its scope, shared
 * with its audience ({@link AlertAudiences}).
 *
 * The alerts are written to the socket as graphql-ws `next` frames by the audience, not yielded
 * one by one through graphql-ws: with ten thousand subscribers, a generator, a queue and
 * graphql-ws's own promise chain for every delivery kept the gateway's one core busy and the
 * deliveries seconds late. What graphql-ws gets is an iterator that yields nothing: it ends when
 * the subscriber leaves (`return()`, at `complete` or when the socket closes) and fails with
 * SERVICE_UNAVAILABLE when an alert cannot be fetched, which graphql-ws sends as the
 * subscription's error.
 */
export function alertDeliveries(o: AlertDeliveriesOptions): AsyncIterableIterator<ExecutionResult> {
  const terms: AudienceTerms = {
    principal: o.principal,
    filter: o.filter,
    query: o.query,
    printed: o.printed,
    variables: o.variables,
    responseKey: o.responseKey,
  };
  const prefix = `{"id":${JSON.stringify(o.channel.id)},"type":"next","payload":`;
  let last = o.audiences.feed.head; // the newest alert delivered or passed over
  /** Live alerts that arrived while replaying: sent after it, past its last alert. */
  let held: { item: FeedItem; seq: bigint; payload: string }[] | null = o.after ? [] : null;
  let ended = false;
  let failure: GraphQLError | null = null;
  let waiting: { resolve: (r: IteratorResult<ExecutionResult>) => void; reject: (e: unknown) => void } | null = null;

  const send = (payload: string) => o.channel.send(`${prefix}${payload}}`);
  const finish = (error: GraphQLError | null) => {
    if (ended) return;
    ended = true;
    failure = error;
    leave();
    const w = waiting;
    waiting = null;
    if (!w) return;
    if (error) w.reject(error);
    else w.resolve({ value: undefined, done: true });
  };
  const member: AlertMember = {
    deliver(item, seq, payload) {
      if (ended || seq <= last) return; // before the subscription began, or replayed already
      if (held) {
        held.push({ item, seq, payload });
        return;
      }
      last = seq;
      send(payload);
      o.onDelivered?.(item, Date.now());
    },
    fail: (error) => finish(error),
  };
  const leave = o.audiences.join(terms, member);

  if (o.after) void replay(o.after);
  async function replay(after: string): Promise<void> {
    try {
      for await (const item of o.audiences.feed.replay(after)) {
        if (ended) return;
        const seq = BigInt(item.seq);
        if (matches(o.principal, o.filter, item)) {
          const settled = await o.audiences.settle(terms, item, o.audiences.content(terms, item.id), () => !ended);
          if (ended) return;
          if (settled && 'error' in settled) return finish(settled.error);
          if (settled) send(settled.payload);
        }
        last = seq;
      }
      const live = held ?? [];
      held = null;
      for (const h of live) member.deliver(h.item, h.seq, h.payload);
    } catch (e) {
      finish(e instanceof GraphQLError ? e : new GraphQLError(e instanceof Error ? e.message : String(e)));
    }
  }

  const done = (): Promise<IteratorResult<ExecutionResult>> => Promise.resolve({ value: undefined, done: true });
  return {
    next() {
      if (failure) return Promise.reject(failure);
      if (ended) return done();
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
    return() {
      finish(null);
      return done();
    },
    throw(error?: unknown) {
      finish(null);
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
