import { randomUUID } from 'node:crypto';
import {
  markHandled,
  OutboxReader,
  StreamSourceReader,
  type EventReader,
  type EventStream,
  type Logger,
  type OutboxEvent,
} from '@sunlight/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { alertFor } from '../consumer/alert-rules';
import { alertRowValues } from '../consumer/alert-row-values';

/** The sources whose outboxes the alerts service reads. */
export const ALERT_SOURCES = ['cases', 'evaluations', 'complaints'] as const;
/** NOTIFY channel on which the alerts service announces a new alert (payload: its seq). */
export const ALERTS_CHANNEL = 'sunlight_alerts';
const CONSUMER = 'alerts';

/**
 * Reads every source's events (at least once, in each source's commit order), drops events already
 * handled, and raises alerts. Alerts are numbered under a lock, so their `seq` is also their
 * commit order: subscribers resume after a seq and miss nothing.
 *
 * Without an event stream it reads the sources' outboxes in its own database (one database for
 * every service); with one (`NATS_URL`), a durable stream consumer per source, so each service may
 * keep its own database. The inbox (`markHandled`) drops a repeat either way.
 */
export class AlertConsumer {
  private readonly readers: EventReader[] = [];

  constructor(
    private readonly ds: DataSource,
    private readonly logger: Logger,
    /** Told, for each event read, how long after its commit it was handled (the outbox lag). */
    private readonly onRead?: (source: string, lagSeconds: number) => void,
    /** Where the sources' events come from when they are not in this database. */
    private readonly stream?: EventStream,
  ) {}

  /** The reader of `source`'s events for this consumer: its outbox here, or its subjects in the stream. */
  private readerOf(source: string): OutboxReader | StreamSourceReader {
    return this.stream
      ? new StreamSourceReader(this.ds, this.stream, { source, consumer: CONSUMER, logger: this.logger })
      : new OutboxReader(this.ds, { source, consumer: CONSUMER, logger: this.logger });
  }

  /** Handles one batch of `source`'s events inside the reader's transaction. Returns alerts raised. */
  async handle(source: string, events: OutboxEvent[], em: EntityManager): Promise<number> {
    let raised = 0;
    for (const e of events) {
      this.onRead?.(source, (Date.now() - e.createdAt.getTime()) / 1000);
      if (!(await markHandled(em, CONSUMER, source, e.id))) continue;
      const a = alertFor(source, e);
      if (!a) continue;
      await em.query("SELECT pg_advisory_xact_lock(hashtext('sunlight:alerts:seq'))");
      const rows: { seq: string }[] = await em.query(
        `INSERT INTO alert (id, kind, level, unit_code, subject_type, subject_id, dedupe_key, accused_unit, accused_department, against_leadership,
           title, details, source, source_event_id, raised_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'OPEN')
         ON CONFLICT (kind, level, dedupe_key) DO NOTHING RETURNING seq`,
        [randomUUID(), ...alertRowValues(a), JSON.stringify(a.details), source, e.id, e.createdAt],
      );
      if (rows[0]) {
        await em.query('SELECT pg_notify($1, $2)', [ALERTS_CHANNEL, rows[0].seq]);
        raised++;
      }
    }
    return raised;
  }

  /**
   * Reads every source until nothing is left after the cursor (tests, and catching up). Events
   * held back by a transaction still running elsewhere on the server are waited for, up to
   * `timeoutMs`.
   */
  async drain(timeoutMs = 15_000): Promise<number> {
    let total = 0;
    const deadline = Date.now() + timeoutMs;
    for (const source of ALERT_SOURCES) {
      const reader = this.readerOf(source);
      while (Date.now() < deadline) {
        let raised = 0;
        const n = await reader.pollOnce(async (events, em) => {
          raised = await this.handle(source, events, em);
        });
        total += raised;
        if (n === 0) {
          if (!(await reader.pending())) break;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      await reader.stop();
    }
    return total;
  }

  /** Keeps reading every source: woken by their NOTIFYs (as `connectionUrl`), or as the stream delivers. */
  async start(connectionUrl: string, intervalMs = 1000): Promise<void> {
    for (const source of ALERT_SOURCES) {
      const reader = this.readerOf(source);
      const handler = async (events: OutboxEvent[], em: EntityManager) => {
        await this.handle(source, events, em);
      };
      this.readers.push(reader);
      if (reader instanceof StreamSourceReader) await reader.start(handler);
      else await reader.start(handler, connectionUrl, intervalMs);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.readers.map((r) => r.stop()));
  }
}
