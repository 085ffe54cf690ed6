import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../logging/logger';
import type { OutboxEvent } from './outbox-event';
import { outboxChannel } from './publish-event';

interface OutboxRow {
  id: string;
  txid: string;
  topic: string;
  unit_code: string | null;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

/** Handles one batch inside the reader's transaction; throwing leaves the cursor where it was. */
export type OutboxHandler = (events: OutboxEvent[], em: EntityManager) => Promise<void>;

/**
 * Reads one source service's outbox for one consumer, at least once and in commit-safe order.
 *
 * Rows are ordered by (txid, id) and a batch only includes rows whose transaction id is below the
 * oldest transaction still running (`pg_snapshot_xmin`). A row written by a transaction that
 * commits late therefore is never skipped: until that transaction ends, nothing at or after its
 * txid is read. The cursor lives in the consumer's database and advances in the same transaction
 * as the handler's writes; a batch whose handler fails is read again. Replicas of one consumer
 * take turns through a row lock (`SKIP LOCKED`), so one batch is not handled twice at once.
 */
export class OutboxReader {
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private wake: (() => void) | undefined;
  private notified = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { source: string; consumer: string; batchSize?: number; logger?: Logger },
  ) {}

  /** Reads and handles one batch. Returns how many events were handled (0 when idle or busy elsewhere). */
  async pollOnce(handler: OutboxHandler): Promise<number> {
    const { source, consumer } = this.options;
    return this.dataSource.transaction(async (em) => {
      await em.query('INSERT INTO outbox_cursor (consumer, source) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        consumer,
        source,
      ]);
      const cursors: { last_txid: string; last_id: string }[] = await em.query(
        'SELECT last_txid::text, last_id FROM outbox_cursor WHERE consumer = $1 AND source = $2 FOR UPDATE SKIP LOCKED',
        [consumer, source],
      );
      const cursor = cursors[0];
      if (!cursor) return 0;
      const rows: OutboxRow[] = await em.query(
        // ORDER BY the columns, not the text output alias: '10000' sorts before '9999' as text.
        `SELECT o.id, o.txid::text AS txid, o.topic, o.unit_code, o.aggregate_id, o.payload, o.created_at
           FROM "${source}".outbox o
          WHERE (o.txid, o.id) > ($1::xid8, $2::bigint)
            AND o.txid < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY o.txid, o.id
          LIMIT $3`,
        [cursor.last_txid, cursor.last_id, this.options.batchSize ?? 500],
      );
      if (rows.length === 0) return 0;
      await handler(rows.map(toEvent), em);
      const last = rows[rows.length - 1]!;
      await em.query(
        'UPDATE outbox_cursor SET last_txid = $3::xid8, last_id = $4, updated_at = now() WHERE consumer = $1 AND source = $2',
        [consumer, source, last.txid, last.id],
      );
      return rows.length;
    });
  }

  /** Are there events after this consumer's cursor, committed or not yet readable? */
  async pending(): Promise<boolean> {
    const { source, consumer } = this.options;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM "${source}".outbox o
        WHERE (o.txid, o.id) > COALESCE((SELECT (last_txid, last_id) FROM outbox_cursor WHERE consumer = $1 AND source = $2), ('0'::xid8, 0::bigint))
        LIMIT 1`,
      [consumer, source],
    );
    return rows.length > 0;
  }

  /**
   * Keeps handling batches: woken by NOTIFY on the source's channel, and every `intervalMs`
   * regardless (a lost NOTIFY, or rows held back by a transaction that was still running).
   */
  async start(handler: OutboxHandler, connectionUrl: string, intervalMs = 1000): Promise<void> {
    this.running = true;
    this.listener = new Client({ connectionString: connectionUrl });
    await this.listener.connect();
    this.listener.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    this.listener.on('error', (e) => this.options.logger?.warn('outbox listener error', { error: e.message }));
    await this.listener.query(`LISTEN ${outboxChannel(this.options.source)}`);
    void this.loop(handler, intervalMs);
  }

  private async loop(handler: OutboxHandler, intervalMs: number): Promise<void> {
    // After a NOTIFY the row exists but may sit behind the horizon (any transaction still running
    // on the server, in any database, holds it back); retry soon with backoff rather than waiting
    // for the next interval.
    let retryMs = 0;
    while (this.running) {
      const woken = this.notified;
      this.notified = false;
      let handled = 0;
      try {
        for (let n = await this.pollOnce(handler); n > 0 && this.running; n = await this.pollOnce(handler))
          handled += n;
      } catch (e) {
        this.options.logger?.error('outbox handler failed; batch will be retried', {
          error: e instanceof Error ? e.message : String(e),
        });
      }
      if (!this.running) break;
      retryMs =
        handled === 0 && (woken || this.notified || retryMs > 0) ? Math.min(Math.max(retryMs * 2, 20), intervalMs) : 0;
      if (retryMs >= intervalMs) retryMs = 0;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, retryMs || intervalMs);
      });
      clearTimeout(this.timer);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.wake?.();
    await this.listener?.end().catch(() => undefined);
  }
}

// The stored JSON is what the topic's publisher wrote under the event contracts; a topic no
// contract names (an older one, or a test's) reaches the consumer's default branch.
function toEvent(r: OutboxRow): OutboxEvent {
  return {
    id: r.id,
    txid: r.txid,
    topic: r.topic,
    unitCode: r.unit_code,
    aggregateId: r.aggregate_id,
    payload: r.payload,
    createdAt: r.created_at,
  } as OutboxEvent;
}
