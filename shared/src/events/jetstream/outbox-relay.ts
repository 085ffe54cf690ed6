import type { DataSource } from 'typeorm';
import type { Logger } from '../../logging/logger';
import type { OutboxEvent } from '../outbox-event';
import { OutboxReader } from '../outbox-reader';
import type { EventStream } from './event-stream';
import { eventSubject } from './event-subject';
import { streamEventCodec } from './stream-event-codec';

/** How long one PubAck is awaited before the batch is given up (and its transaction rolled back). */
const PUBACK_TIMEOUT_MS = 2000;

/** The relay's cursor in its service's `outbox_cursor` (beside any local consumer's). */
export const RELAY_CONSUMER = 'relay';

/**
 * Publishes one service's committed outbox events to the event stream: at least once, in commit
 * order, each under a message id JetStream remembers for its duplicate window.
 *
 * It reads its own service's outbox in its own database with an {@link OutboxReader} (commit-safe
 * order, cursor `relay`) and publishes a batch one event at a time, awaiting each PubAck before the
 * next, so the stream holds a source's events in the order the outbox gives them. The cursor
 * advances only when the whole batch is acknowledged: a publish that fails, or a relay that dies
 * before its transaction commits, leaves the batch to be published again, and JetStream drops
 * what it already holds by message id. Replicas of a service take turns (the reader's row lock).
 */
export class OutboxRelay {
  private readonly reader: OutboxReader;
  /** Events JetStream reported as duplicates (a republished batch); for tests and logs. */
  duplicates = 0;

  constructor(
    dataSource: DataSource,
    private readonly stream: EventStream,
    private readonly options: { source: string; batchSize?: number; logger?: Logger },
  ) {
    this.reader = new OutboxReader(dataSource, {
      source: options.source,
      consumer: RELAY_CONSUMER,
      batchSize: options.batchSize ?? 100,
      logger: options.logger,
    });
  }

  /**
   * Publishes one batch; returns how many events it published (0 when none was readable, or while
   * NATS is unreachable: a batch's transaction stays open while it publishes, and an open
   * transaction holds back every outbox reader on the server).
   */
  async pollOnce(): Promise<number> {
    if (!this.stream.connected) return 0;
    return this.reader.pollOnce((events) => this.publish(events));
  }

  /** Publishes until nothing committed is left after the cursor, waiting up to `timeoutMs` for held-back rows. */
  async drain(timeoutMs = 10_000): Promise<number> {
    let total = 0;
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
      const n = await this.pollOnce();
      total += n;
      if (n === 0) {
        if (!(await this.reader.pending())) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    return total;
  }

  /** Keeps publishing, woken by the outbox's NOTIFY (as `connectionUrl`) and every `intervalMs`. */
  start(connectionUrl: string, intervalMs = 1000): Promise<void> {
    return this.reader.start(
      async (events) => {
        if (!this.stream.connected) throw new Error('NATS is unreachable; the batch waits for the reconnect');
        await this.publish(events);
      },
      connectionUrl,
      intervalMs,
    );
  }

  stop(): Promise<void> {
    return this.reader.stop();
  }

  private async publish(events: OutboxEvent[]): Promise<void> {
    const { source } = this.options;
    for (const e of events) {
      const ack = await this.stream.js.publish(
        eventSubject(this.stream.config, source, e.topic),
        streamEventCodec.encode(source, e),
        {
          msgID: streamEventCodec.messageId(source, e),
          expect: { streamName: this.stream.config.name },
          timeout: PUBACK_TIMEOUT_MS,
        },
      );
      if (ack.duplicate) this.duplicates++;
    }
  }
}
