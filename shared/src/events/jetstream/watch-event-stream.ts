import { DeliverPolicy, type ConsumerMessages } from '@nats-io/jetstream';
import type { Logger } from '../../logging/logger';
import type { OutboxEvent } from '../outbox-event';
import type { EventStream } from './event-stream';
import { eventSubjects } from './event-subject';
import { streamEventCodec } from './stream-event-codec';

/** A running watch; `stop` ends it. */
export interface EventStreamWatch {
  stop(): Promise<void>;
}

/**
 * Tells `onEvent` of every event published to the stream from now on, any source, in stream
 * order, through an ordered consumer: ephemeral (nothing is kept for it on the server), and
 * re-created by the client from the last message seen when the connection drops, so no message in
 * between is skipped. Meant for what only needs to hear *that* something changed (the gateway's
 * cache): nothing is acknowledged, and what was published while nobody watched is not replayed.
 * `onRestart` is called each time the watch has started over (after an error), once the new
 * consumer is open, when the caller should assume it missed something.
 */
export async function watchEventStream(
  stream: EventStream,
  onEvent: (source: string, event: OutboxEvent) => void,
  options: { logger?: Logger; onRestart?: () => void } = {},
): Promise<EventStreamWatch> {
  let running = true;
  let messages: ConsumerMessages | undefined;
  const open = async () => {
    const consumer = await stream.js.consumers.get(stream.config.name, {
      filter_subjects: eventSubjects(stream.config),
      deliver_policy: DeliverPolicy.New,
    });
    messages = await consumer.consume();
    return messages;
  };
  const first = await open();
  const loop = (async () => {
    for (let current: ConsumerMessages | undefined = first; running;) {
      try {
        if (!current) {
          current = await open();
          // Marked once the new consumer delivers: whatever was published before it opened
          // (including during the wait) is not replayed, so every scope counts as changed.
          options.onRestart?.();
        }
        if (!running) {
          await current.close(); // stop() came while it opened: it closed the previous one
          break;
        }
        for await (const m of current) {
          try {
            const { source, event } = streamEventCodec.decode(m.string());
            onEvent(source, event);
          } catch (e) {
            options.logger?.warn('ignoring a message that is not an event', {
              subject: m.subject,
              error: e instanceof Error ? e.message : String(e),
            });
          }
        }
      } catch (e) {
        options.logger?.warn('event stream watch interrupted', { error: e instanceof Error ? e.message : String(e) });
      }
      current = undefined;
      if (!running) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return {
    async stop() {
      running = false;
      await messages?.close();
      await loop;
    },
  };
}
