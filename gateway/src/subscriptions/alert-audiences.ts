import type { Principal } from '@sunlight/shared';
import type { DocumentNode, ExecutionResult } from 'graphql';
import type { AlertFeed, FeedItem } from './alert-feed';
import { matches, type SubscriptionFilter } from './alert-matcher';
import type { SharedExecution } from './shared-execution';

/** A live alert handed to a subscriber: the alert, and its content already being fetched as the subscriber. */
export interface LiveAlert {
  item: FeedItem;
  content: Promise<ExecutionResult>;
}

/** What decides a subscriber's deliveries: who it is (scope), what it filters and what it selects. */
export interface AudienceTerms {
  principal: Principal;
  filter: SubscriptionFilter;
  /** The subscriber's selection rewritten as a query of `alert(id: $sunlightAlertId)`. */
  query: DocumentNode;
  /** `query` printed (shared by every subscriber of the same text). */
  printed: string;
  variables: Record<string, unknown>;
}

interface Audience {
  terms: AudienceTerms;
  members: Set<(alert: LiveAlert) => void>;
}

/**
 * The subscribers of `alertRaised`, grouped by the terms that decide what they receive (role,
 * unit, department, post, filter, selection): each live alert is matched once per group, not once
 * per subscriber, and its content is fetched once per group as soon as it arrives. Fetching it
 * then, rather than when each subscriber's loop reaches it, keeps a subscriber who sees many
 * alerts (a city inspector) from queueing one fetch behind another: with ten thousand subscribers
 * the city's were seconds behind.
 */
export class AlertAudiences {
  private readonly audiences = new Map<string, Audience>();
  private readonly unsubscribe: () => void;

  constructor(
    readonly feed: AlertFeed,
    private readonly executions: SharedExecution,
  ) {
    this.unsubscribe = feed.subscribe((item) => this.hand(item));
  }

  /** Adds a subscriber; returns how it leaves. */
  join(terms: AudienceTerms, member: (alert: LiveAlert) => void): () => void {
    const key = audienceKey(terms);
    let audience = this.audiences.get(key);
    if (!audience) this.audiences.set(key, (audience = { terms, members: new Set() }));
    const joined = audience;
    joined.members.add(member);
    return () => {
      joined.members.delete(member);
      if (joined.members.size === 0 && this.audiences.get(key) === joined) this.audiences.delete(key);
    };
  }

  /** How many distinct groups there are (for tests and metrics). */
  get size(): number {
    return this.audiences.size;
  }

  /** Fetches an alert's content as the terms' principal (shared with every group of the same scope and selection). */
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
    for (const { terms, members } of this.audiences.values()) {
      if (!matches(terms.principal, terms.filter, item)) continue;
      const content = this.content(terms, item.id);
      content.catch(() => undefined); // each member awaits it in turn, later: not an unhandled rejection meanwhile
      const alert: LiveAlert = { item, content };
      for (const member of members) member(alert);
    }
  }
}

/** What two subscribers must share to be handed the same deliveries. */
function audienceKey({ principal: p, filter: f, printed, variables }: AudienceTerms): string {
  const filter = [f.minLevel ?? '', [...(f.kinds ?? [])].sort().join(','), f.unit ?? ''].join(';');
  return [p.role, p.unit ?? '', p.department ?? '', p.post ?? '', filter, printed, JSON.stringify(variables)].join('|');
}
