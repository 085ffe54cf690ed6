import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { createFormatError, createGraphQLHttpHandler, type Logger, type TokenService } from '@sunlight/shared';
import { AuthenticatedDataSource } from './authenticated-data-source';
import { principalFromRequest, type GatewayContext } from './gateway-context';
import { healthRoute } from './health-route';
import { DEFAULT_QUERY_LIMITS, queryLimitRules, type QueryLimits } from './limits/query-limits';
import { AlertFeed } from './subscriptions/alert-feed';
import { attachSubscriptions } from './subscriptions/subscription-server';
import type { GraphQLSchema } from 'graphql';

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
  alertPollMs?: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  httpServer: http.Server;
  stop(): Promise<void>;
}

/**
 * The federation gateway: verifies the caller's token, enforces query limits, plans over the
 * static supergraph and forwards the principal to subgraphs as a signed assertion. Serves
 * `POST /graphql` and `GET /health`.
 */
export async function startGateway(o: StartGatewayOptions): Promise<RunningGateway> {
  process.env['APOLLO_TELEMETRY_DISABLED'] = '1';
  const gateway = new ApolloGateway({
    supergraphSdl: o.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = o.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      return new AuthenticatedDataSource(target, o.tokens);
    },
    logger: { debug: () => undefined, info: () => undefined, warn: (m: unknown) => o.logger.warn(String(m)), error: (m: unknown) => o.logger.error(String(m)) },
  });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => {
    apiSchema = loaded;
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    validationRules: queryLimitRules(o.limits ?? DEFAULT_QUERY_LIMITS),
    introspection: !o.production,
    hideSchemaDetailsFromClientErrors: o.production,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(o.logger),
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginUsageReportingDisabled()],
  });
  await server.start();
  const handler = createGraphQLHttpHandler<GatewayContext>({
    server,
    logger: o.logger,
    maxBodyBytes: 8 * 1024 * 1024, // attachments travel base64 in mutations (2 MiB each at most)
    context: async (req) => ({ principal: await principalFromRequest(req, o.tokens), requestId: randomUUID() }),
    routes: { 'GET /health': healthRoute(o.subgraphUrls) },
  });
  const httpServer = http.createServer(handler);
  httpServer.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => httpServer.listen(o.port, o.host ?? '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  let subscriptions: { close(): Promise<void> } | undefined;
  let feed: AlertFeed | undefined;
  const alertsUrl = o.subgraphUrls['alerts'];
  if (alertsUrl && apiSchema) {
    feed = new AlertFeed(alertsUrl, o.tokens, o.logger, { databaseUrl: o.databaseUrl, pollMs: o.alertPollMs });
    await feed.start();
    subscriptions = attachSubscriptions({ httpServer, server, apiSchema, feed, tokens: o.tokens, logger: o.logger });
  }
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    httpServer,
    async stop() {
      await subscriptions?.close();
      await feed?.stop();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await server.stop();
    },
  };
}
