import { Client } from 'pg';
import { ServiceClient, type Logger, type TokenService } from '@sunlight/shared';

/** What the gateway learns of a new alert to route it (no content: subscribers fetch that as themselves). */
export interface FeedItem {
  id: string;
  seq: string;
  kind: string;
  level: string;
  unitCode: string;
  accusedUnit: string | null;
  accusedDepartment: string | null;
  againstLeadership: boolean;
  raisedAt: string;
}

const FEED_FIELDS = 'id seq kind level unitCode accusedUnit accusedDepartment againstLeadership raisedAt';
const BATCH = 500;

/**
 * The gateway's view of the alert stream: asks the alerts subgraph (as a service) for alerts after
 * the last one seen, woken by Postgres NOTIFY on `sunlight_alerts` when a database URL is given,
 * and every `pollMs` regardless. Listeners receive items in seq order, each once.
 */
export class AlertFeed {
  private readonly client: ServiceClient;
  private readonly listeners = new Set<(item: FeedItem) => void>();
  private lastSeq = 0n;
  private timer: NodeJS.Timeout | undefined;
  private pg: Client | undefined;
  private pulling: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    alertsUrl: string,
    tokens: TokenService,
    private readonly logger: Logger,
    private readonly options: { databaseUrl?: string; pollMs?: number } = {},
  ) {
    this.client = new ServiceClient(alertsUrl, tokens, 'service:gateway');
  }

  async start(): Promise<void> {
    const head = await this.client.query<{ alertFeedHead: string }>('{ alertFeedHead }', {});
    this.lastSeq = BigInt(head.alertFeedHead);
    if (this.options.databaseUrl) {
      this.pg = new Client({ connectionString: this.options.databaseUrl });
      await this.pg.connect();
      this.pg.on('notification', () => this.pull());
      this.pg.on('error', (e) => this.logger.warn('alert feed listener error', { error: e.message }));
      await this.pg.query('LISTEN sunlight_alerts');
    }
    const tick = () => {
      if (this.stopped) return;
      this.pull();
      this.timer = setTimeout(tick, this.options.pollMs ?? 1000);
    };
    this.timer = setTimeout(tick, this.options.pollMs ?? 1000);
  }

  /** The seq of the newest alert seen. */
  get head(): bigint {
    return this.lastSeq;
  }

  subscribe(listener: (item: FeedItem) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Alerts after the alert `afterId` up to the feed's current head, in order (a reconnecting subscriber's gap). */
  async *replay(afterId: string): AsyncGenerator<FeedItem> {
    const first = await this.client.query<{ alertFeed: FeedItem[] }>(
      `query($id: ID!, $n: Int!) { alertFeed(afterId: $id, limit: $n) { ${FEED_FIELDS} } }`,
      { id: afterId, n: BATCH },
    );
    let batch = first.alertFeed;
    while (batch.length > 0) {
      for (const item of batch) yield item;
      if (batch.length < BATCH) return;
      const next = await this.client.query<{ alertFeed: FeedItem[] }>(
        `query($s: String!, $n: Int!) { alertFeed(afterSeq: $s, limit: $n) { ${FEED_FIELDS} } }`,
        { s: batch[batch.length - 1]!.seq, n: BATCH },
      );
      batch = next.alertFeed;
    }
  }

  private pull(): void {
    if (this.pulling) {
      this.again = true;
      return;
    }
    this.pulling = (async () => {
      do {
        this.again = false;
        try {
          for (;;) {
            const data = await this.client.query<{ alertFeed: FeedItem[] }>(
              `query($s: String!, $n: Int!) { alertFeed(afterSeq: $s, limit: $n) { ${FEED_FIELDS} } }`,
              { s: String(this.lastSeq), n: BATCH },
            );
            for (const item of data.alertFeed) {
              this.lastSeq = BigInt(item.seq);
              for (const l of this.listeners) l(item);
            }
            if (data.alertFeed.length < BATCH) break;
          }
        } catch (e) {
          this.logger.warn('alert feed pull failed', { error: e instanceof Error ? e.message : String(e) });
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.pulling = undefined;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pulling;
    await this.pg?.end().catch(() => undefined);
  }
}
