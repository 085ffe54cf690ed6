import type { Principal } from '@sunlight/shared';
import { GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql';
import { OutageErrorCode } from '../errors/service-unavailable';
import type { AlertFeed, FeedItem } from './alert-feed';
import { matches, type SubscriptionFilter } from './alert-matcher';
import { isOutageResult } from './outage-result';
import type { SharedExecution } from './shared-execution';

/** What decides a subscriber's deliveries: who it is (scope), what it filters and what it selects. */
export interface AudienceTerms {
  principal: Principal;
  filter: SubscriptionFilter;
  /** The subscriber's selection rewritten as a query of `alert(id: $sunlightAlertId)`. */
  query: DocumentNode;
  /** `query` printed (shared by every subscriber of the same text). */
  printed: string;
  variables: Record<string, unknown>;
  /** The key the alert is delivered under (the subscription field's alias or name). */
  responseKey: string;
}

/** A subscriber as its audience sees it. */
export interface AlertMember {
  /** One alert for the subscriber: its feed position and its `next` payload, already serialized. */
  deliver(item: FeedItem, seq: bigint, payload: string): void;
  /** The audience could not fetch an alert (an outage outlasted every attempt): the subscription ends with `error`. */
  fail(error: GraphQLError): void;
}

/** How many times an alert's content is asked for while the alerts subgraph does not answer (about 10 s). */
export const DELIVERY_ATTEMPTS = 8;

/** Ends a subscription whose next alert could not be fetched: the client resumes after its last one. */
export function deliveryUnavailable(): GraphQLError {
  return new GraphQLError('预警服务暂时不可用，请稍后以最后收到的预警（after）重新订阅，不会遗漏', {
    extensions: { code: OutageErrorCode.SERVICE_UNAVAILABLE },
  });
}

/** What became of an alert for an audience: its serialized payload, nothing (not theirs to see), or an outage that outlasted every attempt. */
export type Settled = { payload: string } | null | { error: GraphQLError };

interface LiveAlert {
  item: FeedItem;
  seq: bigint;
  content: Promise<ExecutionResult>;
}

interface Audience {
  key: string;
  terms: AudienceTerms;
  members: Set<AlertMember>;
  /** Alerts handed to it and not yet delivered, in feed order; their content is fetched already. */
  queue: LiveAlert[];
  draining: boolean;
}

/**
 * The subscribers of `alertRaised`, grouped by the terms that decide what they receive (role,
 * unit, department, post, filter, selection and response key). Each live alert is matched once per
 * audience and its content fetched once, as soon as it arrives; the audience then serializes the
 * answer once and hands it to every member, in feed order. A subscriber who sees many alerts (a
 * city inspector) no longer waits for one fetch after another, and ten thousand subscribers no
 * longer cost ten thousand matches, fetch lookups and serializations per alert.
 *
 * An answer the alerts subgraph refuses is delivered to nobody. One it does not answer for (an
 * outage) is asked for again, holding back the audience's later alerts so the order stays, and
 * after {@link DELIVERY_ATTEMPTS} every member's subscription ends with SERVICE_UNAVAILABLE rather
 * than skip it: each subscriber resumes after the last alert it received and misses nothing.
 */
export class AlertAudiences {
  private readonly audiences = new Map<string, Audience>();
  private readonly unsubscribe: () => void;

  constructor(
    readonly feed: AlertFeed,
    private readonly executions: SharedExecution,
    private readonly retryDelayMs: (attempt: number) => number = (attempt) => Math.min(2000, 100 * 2 ** attempt),
  ) {
    this.unsubscribe = feed.subscribe((item) => this.hand(item));
  }

  /** Adds a subscriber; returns how it leaves. */
  join(terms: AudienceTerms, member: AlertMember): () => void {
    const key = audienceKey(terms);
    let audience = this.audiences.get(key);
    if (!audience) this.audiences.set(key, (audience = { key, terms, members: new Set(), queue: [], draining: false }));
    const joined = audience;
    joined.members.add(member);
    return () => {
      joined.members.delete(member);
      if (joined.members.size === 0 && this.audiences.get(key) === joined) this.audiences.delete(key);
    };
  }

  /** How many distinct audiences there are. */
  get size(): number {
    return this.audiences.size;
  }

  /**
   * The alert as `terms` see it, from its first answer `first`: asked again while the alerts
   * subgraph does not answer, until `stillWanted` says no one waits for it any more.
   */
  async settle(
    terms: AudienceTerms,
    item: FeedItem,
    first: Promise<ExecutionResult>,
    stillWanted: () => boolean,
  ): Promise<Settled> {
    let answer = first;
    for (let attempt = 1; ; attempt++) {
      const r = await answer;
      const alert = (r.data as { alert?: unknown } | null | undefined)?.alert;
      if (alert)
        return {
          payload: JSON.stringify({ data: { [terms.responseKey]: alert }, ...(r.errors ? { errors: r.errors } : {}) }),
        };
      if (!isOutageResult(r) || !stillWanted()) return null; // refused (not theirs to see), or nobody left to ask for
      // The alerts subgraph did not answer (a replica restarting): skipping the alert would lose it.
      if (attempt >= DELIVERY_ATTEMPTS) return { error: deliveryUnavailable() };
      await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs(attempt)));
      answer = this.content(terms, item.id);
    }
  }

  /** Fetches an alert's content as the terms' principal (shared with every audience of the same scope and selection). */
  content(terms: AudienceTerms, alertId: string): Promise<ExecutionResult> {
    return this.executions.get(
      terms.principal,
      terms.query,
      { ...terms.variables, sunlightAlertId: alertId },
      terms.printed,
    );
  }

  stop(): void {
    this.unsubscribe();
  }

  private hand(item: FeedItem): void {
    const seq = BigInt(item.seq);
    for (const audience of this.audiences.values()) {
      if (!matches(audience.terms.principal, audience.terms.filter, item)) continue;
      const content = this.content(audience.terms, item.id);
      content.catch(() => undefined); // awaited in turn by the drain: not an unhandled rejection meanwhile
      audience.queue.push({ item, seq, content });
      if (!audience.draining) void this.drain(audience);
    }
  }

  /** Delivers the audience's queue in order, each alert as soon as it and those before it are settled. */
  private async drain(audience: Audience): Promise<void> {
    audience.draining = true;
    try {
      while (audience.queue.length > 0 && audience.members.size > 0) {
        const live = audience.queue[0]!;
        let settled: Settled;
        try {
          settled = await this.settle(audience.terms, live.item, live.content, () => audience.members.size > 0);
        } catch (e) {
          settled = { error: asGraphQLError(e) };
        }
        audience.queue.shift();
        if (settled === null) continue;
        if ('error' in settled) {
          for (const member of [...audience.members]) member.fail(settled.error);
          continue;
        }
        for (const member of audience.members) {
          try {
            member.deliver(live.item, live.seq, settled.payload);
          } catch (e) {
            member.fail(asGraphQLError(e)); // that subscriber's trouble: the others still get the alert
          }
        }
      }
    } finally {
      audience.draining = false;
      if (audience.members.size === 0) audience.queue.length = 0;
    }
  }
}

function asGraphQLError(e: unknown): GraphQLError {
  return e instanceof GraphQLError ? e : new GraphQLError(e instanceof Error ? e.message : String(e));
}

/** What two subscribers must share to be handed the same deliveries. */
function audienceKey({ principal: p, filter: f, printed, variables, responseKey }: AudienceTerms): string {
  const filter = [f.minLevel ?? '', [...(f.kinds ?? [])].sort().join(','), f.unit ?? ''].join(';');
  return [
    p.role,
    p.unit ?? '',
    p.department ?? '',
    p.post ?? '',
    filter,
    responseKey,
    printed,
    JSON.stringify(variables),
  ].join('|');
}
