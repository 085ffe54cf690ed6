import { randomBytes } from 'node:crypto';
import { EventStream } from '../events/jetstream/event-stream';
import type { EventStreamConfig } from '../events/jetstream/event-stream-config';

/** An event stream of one test suite's own, on the NATS at `natsUrl`; `remove()` deletes it. */
export interface TestEventStream {
  stream: EventStream;
  config: EventStreamConfig;
  /** Another connection to the same stream (a restarted process's). */
  reconnect(): Promise<EventStream>;
  /** Deletes the stream and closes every connection opened through this. */
  remove(): Promise<void>;
}

/**
 * Creates a stream with a name and subjects unique to this call (`SUNLIGHT_T_<hex>`,
 * `sunlight.t<hex>.events`), so concurrent runs and suites on one NATS never see each other's events.
 */
export async function openTestEventStream(natsUrl: string, duplicateWindowMs = 60_000): Promise<TestEventStream> {
  const id = randomBytes(5).toString('hex');
  const config: EventStreamConfig = {
    name: `SUNLIGHT_T_${id}`,
    subjectPrefix: `sunlight.t${id}.events`,
    duplicateWindowMs,
    maxAgeMs: 3600_000,
    replicas: 1,
  };
  const opened: EventStream[] = [await EventStream.connect(natsUrl, config)];
  return {
    stream: opened[0]!,
    config,
    async reconnect() {
      const s = await EventStream.connect(natsUrl, config);
      opened.push(s);
      return s;
    },
    async remove() {
      await opened[0]!.jsm.streams.delete(config.name).catch(() => undefined);
      for (const s of opened) await s.close();
    },
  };
}
