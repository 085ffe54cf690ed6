import { Client } from 'pg';
import {
  CALENDAR_CHANNEL,
  outboxChannel,
  rollupChangeNotify,
  watchEventStream,
  type EventStream,
  type EventStreamWatch,
  type Logger,
} from '@sunlight/shared';
import type { ScopeChangeClock } from './change-clock';

export interface ChangeFeedOptions {
  /** Where the services' outboxes live; without it only alerts (and the maximum age) mark changes. */
  databaseUrl?: string;
  /** The services whose outbox NOTIFYs to hear (their schema names). */
  sources: string[];
  /**
   * Each change is recorded again this long after it was heard: a subgraph's summed figures
   * follow its commits within this bound, so an answer read in between is marked stale too.
   */
  settleMs: number;
  logger: Logger;
  /**
   * The event stream (`NATS_URL`): events are heard from it instead of the outboxes' NOTIFYs, so
   * services in other databases are heard too (the figures and calendar NOTIFYs still come from
   * `databaseUrl`).
   */
  events?: EventStream;
}

/**
 * Hears every service's committed changes and records them on the {@link ScopeChangeClock}: the
 * outbox NOTIFY carries the unit each event concerns (sent by the outbox's own trigger, only on
 * commit), the figures NOTIFY the unit whose monthly rollup changed without an event (a plain
 * rating, an alert disposed of), a load of the working calendar every scope (deadlines move
 * everywhere), and new alerts come from the alert feed. NOTIFY is not persisted: after the listening
 * connection drops, every scope is marked changed, and the cache's maximum age bounds what a lost
 * notification can cost. Listeners are told of each recorded change (live screens rerun on it).
 * With an event stream, events are heard from it (an ordered consumer of new messages) instead of
 * the outbox NOTIFYs; when that watch has to start over, every scope is marked changed as well.
 */
export class ChangeFeed {
  private pg: Client | undefined;
  private watch: EventStreamWatch | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly pending = new Set<string>();
  private settleTimer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(unit: string | null) => void>();

  constructor(
    private readonly clock: ScopeChangeClock,
    private readonly options: ChangeFeedOptions,
  ) {}

  async start(): Promise<void> {
    const { events, logger } = this.options;
    if (events) {
      this.watch = await watchEventStream(events, (_source, event) => this.heard(event.unitCode), {
        logger,
        onRestart: () => this.record(null),
      });
      this.record(null); // whatever happened before the watch began
    }
    if (this.options.databaseUrl) await this.connect();
  }

  /** Records a change heard from elsewhere (the alert feed). */
  heard(unit: string | null): void {
    this.record(unit);
    this.pending.add(unit ?? '');
    this.settleTimer ??= setTimeout(() => this.settle(), this.options.settleMs);
  }

  subscribe(listener: (unit: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearTimeout(this.settleTimer);
    await this.watch?.stop();
    await this.pg?.end().catch(() => undefined);
  }

  private record(unit: string | null): void {
    this.clock.record(unit);
    for (const listener of this.listeners) listener(unit);
  }

  private settle(): void {
    this.settleTimer = undefined;
    const units = [...this.pending];
    this.pending.clear();
    for (const unit of units) this.record(unit === '' ? null : unit);
  }

  private async connect(): Promise<void> {
    const pg = new Client({ connectionString: this.options.databaseUrl });
    // A calendar load moves deadlines in every unit: it marks every scope.
    pg.on('notification', (n) => this.heard(n.channel !== CALENDAR_CHANNEL && n.payload ? n.payload : null));
    pg.on('error', (e) => {
      this.options.logger.warn('change feed listener lost', { error: e.message });
      this.reconnectLater(pg);
    });
    try {
      await pg.connect();
      for (const source of this.options.sources) {
        if (!this.options.events) await pg.query(`LISTEN ${outboxChannel(source)}`);
        await pg.query(`LISTEN ${rollupChangeNotify.channel(source)}`);
      }
      await pg.query(`LISTEN ${CALENDAR_CHANNEL}`);
      this.pg = pg;
      this.record(null); // whatever happened while nobody listened
    } catch (e) {
      this.options.logger.warn('change feed cannot listen', { error: e instanceof Error ? e.message : String(e) });
      this.reconnectLater(pg);
    }
  }

  private reconnectLater(pg: Client): void {
    void pg.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.stopped) void this.connect();
    }, 1000);
  }
}
