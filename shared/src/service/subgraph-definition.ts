import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { NonEmptyArray } from 'type-graphql';
import type { Principal } from '../auth/principal';
import type { ReferenceResolvers } from '../federation/build-subgraph-schema';
import type { Logger } from '../logging/logger';
import type { ComponentMetrics } from '../observability/metrics-registry';
import type { TokenService } from '../auth/token-service';
import type { EventStream } from '../events/jetstream/event-stream';
import type { SubgraphName } from './subgraph-directory';

/** What every subgraph request context carries; a service's own context extends it. */
export interface SubgraphContext {
  principal: Principal;
  requestId: string;
}

/** What a service's context factory receives once per request. */
export interface ContextInput {
  principal: Principal;
  requestId: string;
  dataSource: DataSource;
  logger: Logger;
}

/**
 * Everything the platform needs to run a service as a subgraph. A service exports one of these
 * and the platform does the rest (database, migrations, schema, HTTP, gateway credential).
 */
export interface SubgraphDefinition<C extends SubgraphContext = SubgraphContext> {
  /** Its line in the subgraph directory; also its Postgres schema and its name in the supergraph. */
  name: SubgraphName;

  entities: MixedList<Function | string | EntitySchema>;

  migrations: MixedList<Function | string>;

  resolvers: NonEmptyArray<Function>;

  orphanedTypes?: Function[];
  references: ReferenceResolvers;
  /** Builds the per-request context, creating the request's DataLoaders. */
  createContext(input: ContextInput): C;
  /** Loads demo data when the service's tables are empty. */
  seedDemo?(dataSource: DataSource, logger: Logger): Promise<void>;
  /**
   * Runs once the database is migrated (and seeded), before the service answers: loads what the
   * service needs in memory and starts its background work. Returns how to stop that work.
   */
  prepare?(input: PrepareInput): Promise<(() => Promise<void>) | void>;
}

/** What `prepare` receives. */
export interface PrepareInput {
  dataSource: DataSource;
  /** The URL `dataSource` connects with (the service's own role), for a listener of its own. */
  databaseUrl: string;
  logger: Logger;
  tokens: TokenService;
  /** The service's Prometheus registry, for metrics of its own (e.g. cards raised). */
  metrics: ComponentMetrics;
  /** The event stream when `NATS_URL` is set: consumers read other services' events from it. */
  events?: EventStream;
}
