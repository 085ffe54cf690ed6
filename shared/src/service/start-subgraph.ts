import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import { MAX_REQUEST_BODY_BYTES } from '../attachments/attachment-limits';
import type { TokenService } from '../auth/token-service';
import { openServiceDatabase } from '../db/open-service-database';
import { requestScope } from '../db/request-scope';
import { createFormatError } from '../errors/format-error';
import { EVENT_SOURCES } from '../events/event-sources';
import { EventStream } from '../events/jetstream/event-stream';
import type { EventStreamConfig } from '../events/jetstream/event-stream-config';
import { OutboxRelay } from '../events/jetstream/outbox-relay';
import { buildFederatedSchema } from '../federation/build-subgraph-schema';
import { closeHttpServer } from '../http/close-http-server';
import { createGraphQLHttpHandler } from '../http/graphql-http-handler';
import type { Logger } from '../logging/logger';
import { accessLogPlugin } from '../observability/access-log.plugin';
import { graphqlMetricsPlugin } from '../observability/graphql-metrics.plugin';
import { ComponentMetrics } from '../observability/metrics-registry';
import { migrationsApplied } from '../observability/migrations-applied';
import { poolMetrics } from '../observability/pool-metrics';
import { probeRoutes } from '../observability/probe-routes';
import { startTracing } from '../observability/start-tracing';
import type { SubgraphContext, SubgraphDefinition } from './subgraph-definition';
import type { SubgraphName } from './subgraph-directory';

/** The header carrying the gateway's signed assertion of the caller's principal. */
export const ASSERTION_HEADER = 'x-sunlight-assertion';

export interface StartSubgraphOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  tokens: TokenService;
  logger: Logger;
  seedDemo?: boolean;
  poolSize?: number;
  onQuery?: (sql: string, inRequest: boolean) => void;
  /** The key the service roles' passwords derive from (the internal secret); see `openServiceDatabase`. */
  databaseRoleKey?: Uint8Array;
  /**
   * The event stream (`NATS_URL`): when given, a service whose outbox carries events relays them
   * to it, and the service's consumers may read the other services' events from it.
   */
  events?: { natsUrl: string; stream: EventStreamConfig };
  /**
   * How long a stopping subgraph answers `/readyz` with 503 (`draining`) while still serving,
   * before it stops listening (`DRAIN_DELAY_MS`): a balancer polling readiness takes it out of
   * turn first, so no connection waits in the listening socket's queue when it closes (those get
   * a reset). 0: stop listening at once.
   */
  drainDelayMs?: number;
}

/** A subgraph listening on HTTP. */
export interface RunningSubgraph {
  name: SubgraphName;
  url: string;
  port: number;
  /** The owner's connection (migrations, seeding, operators' and tests' direct SQL); the service never uses it. */
  dataSource: DataSource;
  /** The service's own connection, as its login role: what its requests and background jobs use. */
  serviceDataSource: DataSource;
  sdl: string;
  stop(): Promise<void>;
}

/**
 * Opens the service's database, applies its migrations, optionally seeds demo data, builds its
 * subgraph schema and serves it. Every request, `_service` and `_entities` included, must carry a
 * valid gateway assertion or is refused with 401.
 */
export async function startSubgraph<C extends SubgraphContext>(
  def: SubgraphDefinition<C>,
  o: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const logger = o.logger;
  const {
    owner,
    dataSource,
    url: databaseUrl,
    applied,
  } = await openServiceDatabase({
    url: o.databaseUrl,
    schema: def.name,
    entities: def.entities,
    migrations: def.migrations,
    poolSize: o.poolSize,
    onQuery: o.onQuery,
    roleKey: o.databaseRoleKey,
  });
  if (applied.length > 0) logger.info('migrations applied', { migrations: applied });
  const metrics = new ComponentMetrics(def.name);
  poolMetrics(metrics, { service: dataSource, owner });
  // Seeding and background work (its timers and listeners too) see every unit; requests, their own scope.
  if (o.seedDemo && def.seedDemo) await requestScope.asSystem(() => def.seedDemo!(owner, logger));
  const events = o.events ? await EventStream.connect(o.events.natsUrl, o.events.stream, logger) : undefined;
  const stopWorkers =
    (await requestScope.asSystem(() =>
      def.prepare?.({ dataSource, databaseUrl, logger, tokens: o.tokens, metrics, events }),
    )) ?? undefined;
  // The relay reads this service's own outbox in its own database (as the service's role).
  const relay =
    events && (Object.values(EVENT_SOURCES) as string[]).includes(def.name)
      ? new OutboxRelay(dataSource, events, { source: def.name, logger })
      : undefined;
  await requestScope.asSystem(() => relay?.start(databaseUrl));

  // Spans per request, joined to the gateway's trace, when OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = startTracing(def.name);
  const { schema, sdl } = await buildFederatedSchema(
    { resolvers: def.resolvers, orphanedTypes: def.orphanedTypes },
    def.references,
  );
  const server = new ApolloServer<C>({
    schema,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    // The process's own handler (runSubgraphMain) drains and cleans up; Apollo's would re-raise
    // SIGTERM after stopping only itself and kill the process before its workers and pool close.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      graphqlMetricsPlugin<C>(metrics),
      accessLogPlugin<C>(),
    ],
  });
  await server.start();

  let draining = false; // set by stop(): /readyz answers 503 while requests still run
  const handler = createGraphQLHttpHandler<C>({
    server,
    logger,
    tracer: tracing?.tracer,
    caller: (context) => context.principal,
    maxBodyBytes: MAX_REQUEST_BODY_BYTES + 1024 * 1024, // what the gateway accepts, plus its rewritten query
    // The request's id is its trace id: the gateway's, from its `traceparent`.
    context: async (req, span) => {
      const header = req.headers[ASSERTION_HEADER];
      const principal = await o.tokens.verifyAssertion(Array.isArray(header) ? header[0] : header);
      requestScope.enter(principal); // the row-level policies see this principal's subtree from here on
      return def.createContext({
        principal,
        requestId: span.traceId,
        dataSource,
        logger,
      });
    },
    routes: {
      'GET /health': async (_req, res) => {
        let database = 'ok';
        try {
          await dataSource.query('SELECT 1');
        } catch {
          database = 'unavailable';
        }
        res.writeHead(database === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ service: def.name, status: database === 'ok' ? 'ok' : 'degraded', database }));
      },
      // The schema is built before the server listens: a process that answers has it.
      ...probeRoutes(def.name, metrics, {
        draining: async () => (draining ? 'draining' : null),
        database: async () => (await dataSource.query('SELECT 1'), null),
        migrations: migrationsApplied(owner, def.name),
      }),
    },
  });
  const httpServer = http.createServer((req, res) => requestScope.run(() => handler(req, res)));
  httpServer.keepAliveTimeout = 65_000;
  // Node counts an idle kept-alive socket as waiting for headers: a headers timeout below the
  // keep-alive timeout closes sockets the gateway is about to reuse ("socket hang up").
  httpServer.headersTimeout = 66_000;
  await new Promise<void>((resolve) => httpServer.listen(o.port, o.host ?? '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  logger.info('subgraph listening', { port });
  return {
    name: def.name,
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    dataSource: owner,
    serviceDataSource: dataSource,
    sdl,
    async stop() {
      draining = true;
      if (o.drainDelayMs) await new Promise((r) => setTimeout(r, o.drainDelayMs));
      await closeHttpServer(httpServer); // requests in flight finish first
      await server.stop();
      if (stopWorkers) await stopWorkers();
      await relay?.stop();
      await events?.close();
      await dataSource.destroy();
      await owner.destroy();
      await tracing?.shutdown();
    },
  };
}
