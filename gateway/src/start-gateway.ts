import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import {
  accessLogPlugin,
  closeHttpServer,
  ComponentMetrics,
  createFormatError,
  createGraphQLHttpHandler,
  EventStream,
  graphqlMetricsPlugin,
  MAX_REQUEST_BODY_BYTES,
  probeRoutes,
  type EventStreamConfig,
  startTracing,
  type Logger,
  type TokenService,
} from '@sunlight/shared';
import { AuthenticatedDataSource } from './authenticated-data-source';
import { withOutageErrors } from './errors/outage-data-source';
import { accountGateFor, type AccountCheckSettings } from './auth/account-gate-for';
import { principalFromRequest, type GatewayContext } from './gateway-context';
import { healthRoute } from './health-route';
import { powersSignIn } from './sign-in/sign-in-client';
import { signInRoutes } from './sign-in/sign-in-routes';
import { DEFAULT_CONSOLE_DIR, withConsole } from './console/console-handler';
import { ChangeFeed } from './read-cache/change-feed';
import { ScopeChangeClock } from './read-cache/change-clock';
import { ResponseCache } from './read-cache/response-cache';
import { responseCachePlugin } from './read-cache/response-cache.plugin';
import { DEFAULT_QUERY_LIMITS, queryLimitPlugins, queryLimitRules, type QueryLimits } from './limits/query-limits';
import { screenReadsPlugin } from './auth/screen-reads.plugin';
import { AlertFeed } from './subscriptions/alert-feed';
import { attachSubscriptions } from './subscriptions/subscription-server';
import { answeredFrom, gatewayMetrics, timeFetches, type GatewayMetricSources } from './observability/gateway-metrics';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLResponse } from '@apollo/server';

/** The response cache's settings (README: "The read path"). */
export interface ResponseCacheSettings {
  /** Memory for cached answers, in bytes; 0 turns the cache off. */
  maxBytes: number;
  /** The oldest answer ever served, in ms. */
  maxAgeMs: number;
  /** How long after a change it is recorded again (subgraphs' summed figures catch up within it). */
  settleMs: number;
  /** At most this many fills at once; more cold answers queue (bounds a cold burst's memory). */
  maxConcurrentFills?: number;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheSettings = {
  maxBytes: 32 * 2 ** 20,
  maxAgeMs: 5000,
  settleMs: 1000,
  maxConcurrentFills: 8,
};

export interface StartGatewayOptions {
  /** The composed supergraph SDL (deploy/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph URL by subgraph name; overrides the URLs in the supergraph. */
  subgraphUrls: Record<string, string>;
  tokens: TokenService;
  logger: Logger;
  port: number;
  host?: string;
  production: boolean;
  limits?: QueryLimits;
  /** For LISTEN on new alerts (subscriptions); without it the feed polls. */
  databaseUrl?: string;
  /** Where the alerts service's database is, for LISTEN on new alerts (default `databaseUrl`). */
  alertsDatabaseUrl?: string;
  alertPollMs?: number;
  /** The event stream (`NATS_URL`): the response cache hears every service's events from it. */
  events?: { natsUrl: string; stream: EventStreamConfig };
  responseCache?: ResponseCacheSettings;
  /** How long one subgraph fetch may take before it is given up as an outage (default 20 s). */
  subgraphTimeoutMs?: number;
  /**
   * How long a stopping gateway answers `/readyz` with 503 (`draining`) while still serving,
   * before it closes its sockets and stops listening (`DRAIN_DELAY_MS`; see the subgraphs' option).
   */
  drainDelayMs?: number;
  /** Checking tokens against accounts (defaults: answers trusted 30 s, accounts required in production). */
  accountCheck?: AccountCheckSettings;
  /** The built console served at `/` (default gateway/console/dist); false serves the API alone. */
  consoleDir?: string | false;
}

export interface RunningGateway {
  url: string;
  port: number;
  httpServer: http.Server;
  /** The response cache (undefined when off): its counters, for tests and benchmarks. */
  responseCache?: ResponseCache<GraphQLResponse>;
  stop(): Promise<void>;
}

/**
 * The federation gateway: verifies the caller's token, enforces query limits, plans over the
 * static supergraph and forwards the principal to subgraphs as a signed assertion. Serves
 * `POST /graphql`, `GET /health`, the probes `GET /livez` and `GET /readyz`, Prometheus
 * `GET /metrics`, and the console at `/`.
 */
export async function startGateway(o: StartGatewayOptions): Promise<RunningGateway> {
  process.env['APOLLO_TELEMETRY_DISABLED'] = '1';
  // With OTEL_EXPORTER_OTLP_ENDPOINT set: @apollo/gateway's own spans and the request's, exported.
  const tracing = startTracing('gateway', { global: true });
  const metrics = new ComponentMetrics('gateway');
  const sources: GatewayMetricSources = {};
  const fetches = gatewayMetrics(metrics, () => sources);
  const alertDelivery = metrics.histogram(
    'sunlight_alert_delivery_seconds',
    'From the event an alert was raised on until its live delivery to a subscriber',
  );
  const gateway = new ApolloGateway({
    supergraphSdl: o.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = o.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      const source = timeFetches(name, new AuthenticatedDataSource(target, o.tokens, o.subgraphTimeoutMs), fetches);
      return withOutageErrors(name, source, o.logger);
    },
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m: unknown) => o.logger.warn(String(m)),
      error: (m: unknown) => o.logger.error(String(m)),
    },
  });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => {
    apiSchema = loaded;
  });
  const cacheSettings = o.responseCache ?? DEFAULT_RESPONSE_CACHE;
  const clock = new ScopeChangeClock();
  const events = o.events ? await EventStream.connect(o.events.natsUrl, o.events.stream, o.logger) : undefined;
  const changes = new ChangeFeed(clock, {
    events,
    databaseUrl: o.databaseUrl,
    sources: Object.keys(o.subgraphUrls),
    settleMs: cacheSettings.settleMs,
    logger: o.logger,
  });
  const responseCache =
    cacheSettings.maxBytes > 0
      ? new ResponseCache<GraphQLResponse>({
          maxBytes: cacheSettings.maxBytes,
          maxAgeMs: cacheSettings.maxAgeMs,
          maxConcurrentFills: cacheSettings.maxConcurrentFills ?? DEFAULT_RESPONSE_CACHE.maxConcurrentFills!,
          clock,
        })
      : undefined;
  const server: ApolloServer<GatewayContext> = new ApolloServer<GatewayContext>({
    gateway,
    validationRules: queryLimitRules(o.limits ?? DEFAULT_QUERY_LIMITS),
    parseOptions: { maxTokens: (o.limits ?? DEFAULT_QUERY_LIMITS).maxTokens },
    introspection: !o.production,
    hideSchemaDetailsFromClientErrors: o.production,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // main.ts drains and stops; Apollo's handler would re-raise SIGTERM first
    formatError: createFormatError(o.logger),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ...queryLimitPlugins(o.limits ?? DEFAULT_QUERY_LIMITS),
      screenReadsPlugin(),
      // a cache fill runs the request again inside this server: counted once, as the request
      graphqlMetricsPlugin<GatewayContext>(metrics, { skip: (ctx) => ctx.cacheMode === 'bypass' }),
      accessLogPlugin<GatewayContext>({ skip: (ctx) => ctx.cacheMode === 'bypass' }),
      ...(responseCache ? [responseCachePlugin(responseCache, clock, () => server)] : []),
    ],
  });
  const accounts = accountGateFor(o);
  await server.start();
  await changes.start();
  if (responseCache) sources.responseCache = responseCache as ResponseCache<unknown>;
  // Plain HTTP routes, not the console's: the probes need no subgraph (one dead subgraph must not
  // take every gateway out of the Service); the supergraph is loaded once the server has started.
  let draining = false; // set by stop(): /readyz answers 503 while requests still run
  const routes = {
    'GET /health': healthRoute(o.subgraphUrls),
    ...probeRoutes('gateway', metrics, {
      draining: async () => (draining ? 'draining' : null),
      supergraph: async () => (apiSchema ? null : 'supergraph not loaded'),
    }),
  };
  const handler = createGraphQLHttpHandler<GatewayContext>({
    server,
    logger: o.logger,
    tracer: tracing?.tracer,
    caller: (context) => context.principal,
    maxBodyBytes: MAX_REQUEST_BODY_BYTES, // one action's attachments, base64, and 1 MiB more
    context: async (req, span) => ({
      principal: await principalFromRequest(req, o.tokens, accounts),
      requestId: span.traceId,
      trace: span.spanContext,
    }),
    routes: {
      ...routes,
      ...signInRoutes({
        client: powersSignIn(o.subgraphUrls['powers']!, o.tokens),
        tokens: o.tokens,
        production: o.production,
        logger: o.logger,
      }),
    },
    ...(responseCache ? { answered: answeredFrom(responseCache, metrics) } : {}),
  });
  const httpServer = http.createServer(
    o.consoleDir === false
      ? handler
      : withConsole(handler, {
          dir: o.consoleDir ?? DEFAULT_CONSOLE_DIR,
          apiPaths: Object.keys(routes).map((route) => route.slice(route.indexOf(' ') + 1)),
          explorer: !o.production,
        }),
  );
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000; // above the keep-alive timeout, or idle sockets are cut
  await new Promise<void>((resolve) => httpServer.listen(o.port, o.host ?? '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  let subscriptions: ReturnType<typeof attachSubscriptions> | undefined;
  let feed: AlertFeed | undefined;
  const alertsUrl = o.subgraphUrls['alerts'];
  if (alertsUrl && apiSchema) {
    feed = new AlertFeed(alertsUrl, o.tokens, o.logger, {
      databaseUrl: o.alertsDatabaseUrl ?? o.databaseUrl,
      pollMs: o.alertPollMs,
    });
    await feed.start();
    feed.subscribe((item) => changes.heard(item.unitCode));
    subscriptions = attachSubscriptions({
      httpServer,
      server,
      apiSchema,
      feed,
      changes,
      tokens: o.tokens,
      logger: o.logger,
      accounts,
      limits: o.limits ?? DEFAULT_QUERY_LIMITS,
      onAlertDelivered: (seconds) => alertDelivery.observe(seconds),
    });
    sources.live = () => subscriptions!.counts();
  }
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    httpServer,
    responseCache,
    async stop() {
      draining = true;
      if (o.drainDelayMs) await new Promise((r) => setTimeout(r, o.drainDelayMs));
      await subscriptions?.close();
      await feed?.stop();
      await changes.stop();
      await events?.close();
      await closeHttpServer(httpServer); // requests in flight finish first
      await server.stop();
      await tracing?.shutdown();
    },
  };
}
