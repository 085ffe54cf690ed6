import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type ConsumerConfig,
  type ConsumerMessages,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../logging/logger';
import type { EventReader } from '../event-reader';
import type { OutboxHandler } from '../outbox-reader';
import type { EventStream } from './event-stream';
import { eventSubjects } from './event-subject';
import { streamEventCodec } from './stream-event-codec';

/** How long a handled message may stay unacknowledged before JetStream delivers it again. */
const ACK_WAIT_MS = 30_000;
/** How long a failed message waits before it is delivered again (it blocks its source meanwhile). */
const RETRY_MS = 1000;

/**
 * Reads one source's events from the event stream for one consumer, through a durable JetStream
 * consumer `<consumer>-<source>` filtered to that source's subjects.
 *
 * Order: the consumer allows one unacknowledged message (`max_ack_pending` 1), so a source's events
 * are handled one at a time in stream order (the relay's commit order), whatever the number of
 * replicas pulling. Each is handled in its own transaction and acknowledged only after that commits
 * (explicit ack, awaited); a handler that fails, or a process that dies before its ack, gets the
 * message again. Delivery is thus at least once: the handler drops repeats (`markHandled`).
 */
export class StreamSourceReader implements EventReader {
  private messages: ConsumerMessages | undefined;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly stream: EventStream,
    private readonly options: { source: string; consumer: string; logger?: Logger },
  ) {}

  /** The durable consumer's name in the stream. */
  get durableName(): string {
    return `${this.options.consumer}-${this.options.source}`;
  }

  /** Handles the next message if one is waiting (up to a second); returns 1 if one was handled. */
  async pollOnce(handler: OutboxHandler): Promise<number> {
    if (!(await this.pending())) return 0;
    const consumer = await this.stream.js.consumers.get(this.stream.config.name, await this.ensureConsumer());
    const m = await consumer.next({ expires: 1000 });
    if (!m) return 0;
    await this.handle(m, handler);
    return 1;
  }

  async pending(): Promise<boolean> {
    const info = await this.stream.jsm.consumers.info(this.stream.config.name, await this.ensureConsumer());
    return info.num_pending + info.num_ack_pending > 0;
  }

  /** Keeps handling messages as they arrive, until {@link stop}. */
  async start(handler: OutboxHandler): Promise<void> {
    const name = await this.ensureConsumer();
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          const consumer = await this.stream.js.consumers.get(this.stream.config.name, name);
          this.messages = await consumer.consume({ max_messages: 1 });
          if (!this.running) {
            await this.messages.close(); // stop() came while it opened: it closed the previous one
            break;
          }
          for await (const m of this.messages) {
            await this.handle(m, handler).catch((e: unknown) =>
              this.options.logger?.error('stream event handler failed; the event will be delivered again', {
                source: this.options.source,
                error: e instanceof Error ? e.message : String(e),
              }),
            );
          }
        } catch (e) {
          this.options.logger?.warn('stream consumer interrupted', {
            source: this.options.source,
            error: e instanceof Error ? e.message : String(e),
          });
        }
        if (this.running) await new Promise((r) => setTimeout(r, RETRY_MS));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.messages?.close();
    await this.loop;
  }

  private async handle(m: JsMsg, handler: OutboxHandler): Promise<void> {
    let decoded: ReturnType<typeof streamEventCodec.decode>;
    try {
      decoded = streamEventCodec.decode(m.string());
      if (decoded.source !== this.options.source)
        throw new Error(`source ${decoded.source} on a subject of ${this.options.source}`);
    } catch (e) {
      // Not an event any relay wrote: delivering it again would only block the source behind it.
      this.options.logger?.error('dropping a message that is not an event of this source', {
        source: this.options.source,
        subject: m.subject,
        error: e instanceof Error ? e.message : String(e),
      });
      m.term();
      return;
    }
    try {
      await this.dataSource.transaction((em) => handler([decoded.event], em));
    } catch (e) {
      m.nak(RETRY_MS);
      throw e;
    }
    await m.ackAck();
  }

  private consumerName: Promise<string> | undefined;

  /** Creates the durable consumer, or updates it to this configuration; once per reader. */
  private ensureConsumer(): Promise<string> {
    this.consumerName ??= (async () => {
      const { jsm, config } = this.stream;
      const wanted = {
        filter_subject: eventSubjects(config, this.options.source),
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(ACK_WAIT_MS),
        max_ack_pending: 1,
        max_deliver: -1,
      } satisfies Partial<ConsumerConfig>;
      try {
        const { config: have } = await jsm.consumers.info(config.name, this.durableName);
        if (
          have.filter_subject !== wanted.filter_subject ||
          have.max_ack_pending !== 1 ||
          have.ack_wait !== wanted.ack_wait
        )
          await jsm.consumers.update(config.name, this.durableName, wanted);
      } catch (e) {
        if (!(e instanceof JetStreamApiError) || e.code !== JetStreamApiCodes.ConsumerNotFound) throw e;
        await jsm.consumers.add(config.name, {
          durable_name: this.durableName,
          deliver_policy: DeliverPolicy.All,
          ...wanted,
        });
      }
      return this.durableName;
    })().catch((e: unknown) => {
      this.consumerName = undefined;
      throw e;
    });
    return this.consumerName;
  }
}
