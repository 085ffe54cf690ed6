import {
  createServiceDataSource,
  EVENT_SOURCES,
  migrate,
  OutboxNotify1765000000000,
  PlatformTables1763769600000,
  publishEvent,
  type EventTopic,
  type NewOutboxEvent,
} from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { ALERT_SOURCES } from '../jobs/alert-consumer';

/**
 * The outboxes the alerts consumer reads, standing in for the neighbour services: each source's
 * schema in the test database with the platform tables its own first migrations create (outbox,
 * its NOTIFY trigger), and nothing else. Events are published into them exactly as the
 * neighbours publish theirs, through `publishEvent` and the typed event contracts.
 */
export interface NeighbourOutboxes {
  /** Publishes one event into the outbox of the service that owns its topic; returns its id. */
  publish<T extends EventTopic>(event: NewOutboxEvent<T>): Promise<string>;
  /** The connection of `source`'s service to its schema (its relay reads the outbox through it). */
  dataSourceOf(source: string): DataSource;
  close(): Promise<void>;
}

/** Opens every alert source's outbox in the database at `url`. */
export async function openNeighbourOutboxes(url: string): Promise<NeighbourOutboxes> {
  const sources = new Map<string, DataSource>();
  for (const source of ALERT_SOURCES) {
    const ds = createServiceDataSource({
      url,
      schema: source,
      entities: [],
      migrations: [PlatformTables1763769600000, OutboxNotify1765000000000],
      poolSize: 2,
    });
    await ds.initialize();
    await migrate(ds, source);
    sources.set(source, ds);
  }
  return {
    async publish(event) {
      const source = EVENT_SOURCES[event.topic];
      const ds = sources.get(source);
      if (!ds) throw new Error(`no outbox for ${source} in this test`);
      return ds.transaction((em) => publishEvent(em, source, event));
    },
    dataSourceOf(source) {
      const ds = sources.get(source);
      if (!ds) throw new Error(`no outbox for ${source} in this test`);
      return ds;
    },
    async close() {
      await Promise.all([...sources.values()].map((ds) => ds.destroy()));
    },
  };
}
