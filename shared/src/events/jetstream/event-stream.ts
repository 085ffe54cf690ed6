import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../../logging/logger';
import type { EventStreamConfig } from './event-stream-config';
import { eventSubjects } from './event-subject';

/**
 * A connection to the NATS servers whose JetStream carries Sunlight's events, with the stream
 * made sure of: created when missing, updated to this configuration when it differs (idempotent,
 * so every process may do it at start; two doing it at once both succeed).
 */
export class EventStream {
  /** False from a lost connection until the client has reconnected (publishers wait meanwhile). */
  connected = true;

  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly config: EventStreamConfig,
  ) {}

  /** Connects to `servers` (a comma-separated list of `nats://` URLs) and makes sure of the stream. */
  static async connect(servers: string, config: EventStreamConfig, logger?: Logger): Promise<EventStream> {
    const nc = await connect({
      servers: servers.split(',').map((s) => s.trim()),
      name: 'sunlight',
      maxReconnectAttempts: -1, // NATS restarting must not stop a service's relay for good
    });
    try {
      const jsm = await jetstreamManager(nc);
      await ensureStream(jsm, config);
      const stream = new EventStream(nc, jetstream(nc), jsm, config);
      void (async () => {
        for await (const s of nc.status()) {
          if (s.type !== 'disconnect' && s.type !== 'reconnect') continue;
          stream.connected = s.type === 'reconnect';
          logger?.warn(`nats ${s.type}`, { server: s.server });
        }
      })();
      return stream;
    } catch (e) {
      await nc.close().catch(() => undefined);
      throw e;
    }
  }

  /** Lets published messages and acknowledgements in flight finish, then closes. */
  async close(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
  }
}

async function ensureStream(jsm: JetStreamManager, c: EventStreamConfig): Promise<void> {
  const wanted = {
    subjects: [eventSubjects(c)],
    max_age: nanos(c.maxAgeMs),
    duplicate_window: nanos(c.duplicateWindowMs),
    num_replicas: c.replicas,
    discard: DiscardPolicy.Old,
  } satisfies Partial<StreamConfig>;
  try {
    const { config } = await jsm.streams.info(c.name);
    const same =
      config.subjects?.join() === wanted.subjects.join() &&
      config.max_age === wanted.max_age &&
      config.duplicate_window === wanted.duplicate_window &&
      config.num_replicas === wanted.num_replicas &&
      config.discard === wanted.discard;
    if (!same) await jsm.streams.update(c.name, wanted);
  } catch (e) {
    if (!(e instanceof JetStreamApiError) || e.code !== JetStreamApiCodes.StreamNotFound) throw e;
    await jsm.streams.add({ name: c.name, retention: RetentionPolicy.Limits, storage: StorageType.File, ...wanted });
  }
}
