import fs from 'node:fs';
import path from 'node:path';
import {
  ConfigError,
  createLogger,
  databaseRoleName,
  databaseRolePassword,
  databaseRoleUrl,
  env,
  loadPlatformConfig,
  loadSecrets,
  onLauncherGone,
  readEnv,
  SUBGRAPH_DIRECTORY,
  subgraphUrl,
  tokenKeysOf,
  TokenService,
} from '@sunlight/shared';
import { SUBGRAPH_TIMEOUT_MS } from './authenticated-data-source';
import { DEFAULT_RESPONSE_CACHE, startGateway } from './start-gateway';

const logger = createLogger('gateway');

/** `url` as the gateway's own database role, `sunlight_gateway`, which may only LISTEN. */
function gatewayRoleUrl(url: string, internalSecret: Uint8Array): string {
  const role = databaseRoleName('gateway');
  return databaseRoleUrl(url, role, databaseRolePassword(internalSecret, role));
}

async function main(): Promise<void> {
  const platform = loadPlatformConfig();
  const own = readEnv({
    GATEWAY_PORT: env.port(4000),
    GATEWAY_HOST: env.string('127.0.0.1'),
    SUPERGRAPH_PATH: env.string(path.resolve(__dirname, '../../deploy/supergraph.graphql')),
    RESPONSE_CACHE_MB: env.int(DEFAULT_RESPONSE_CACHE.maxBytes / 2 ** 20, 0, 4096),
    RESPONSE_CACHE_MAX_AGE_MS: env.int(DEFAULT_RESPONSE_CACHE.maxAgeMs, 0, 3_600_000),
    READ_MODEL_SETTLE_MS: env.int(DEFAULT_RESPONSE_CACHE.settleMs, 0, 60_000),
    RESPONSE_CACHE_FILLS: env.int(DEFAULT_RESPONSE_CACHE.maxConcurrentFills!, 1, 256),
    SUBGRAPH_TIMEOUT_MS: env.int(SUBGRAPH_TIMEOUT_MS, 100, 600_000),
    DRAIN_DELAY_MS: env.int(0, 0, 60_000),
  });
  if (!fs.existsSync(own.SUPERGRAPH_PATH))
    throw new ConfigError([`SUPERGRAPH_PATH ${own.SUPERGRAPH_PATH} does not exist (run npm run compose)`]);
  const secrets = loadSecrets(platform);
  const gateway = await startGateway({
    supergraphSdl: fs.readFileSync(own.SUPERGRAPH_PATH, 'utf8'),
    // Each subgraph of the directory, at its SUBGRAPH_<NAME>_URL or the directory's default.
    subgraphUrls: Object.fromEntries(SUBGRAPH_DIRECTORY.map(({ name }) => [name, subgraphUrl(name)])),
    tokens: new TokenService(tokenKeysOf(secrets), secrets.internalSecret, platform.tokenTtlSeconds),
    logger,
    port: own.GATEWAY_PORT,
    host: own.GATEWAY_HOST,
    production: platform.production,
    // The gateway only LISTENs, as its own role (created by the services before it starts).
    databaseUrl: platform.databaseUrl && gatewayRoleUrl(platform.databaseUrl, secrets.internalSecret),
    // New alerts are announced in the alerts service's own database (ALERTS_DATABASE_URL).
    alertsDatabaseUrl:
      platform.serviceDatabaseUrls.alerts &&
      gatewayRoleUrl(platform.serviceDatabaseUrls.alerts, secrets.internalSecret),
    subgraphTimeoutMs: own.SUBGRAPH_TIMEOUT_MS,
    events: platform.natsUrl ? { natsUrl: platform.natsUrl, stream: platform.eventStream } : undefined,
    drainDelayMs: own.DRAIN_DELAY_MS,
    responseCache: {
      maxBytes: own.RESPONSE_CACHE_MB * 2 ** 20,
      maxAgeMs: own.RESPONSE_CACHE_MAX_AGE_MS,
      settleMs: own.READ_MODEL_SETTLE_MS,
      maxConcurrentFills: own.RESPONSE_CACHE_FILLS,
    },
  });
  logger.info('gateway listening', { url: gateway.url });
  const shutdown = () =>
    void gateway.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  onLauncherGone(shutdown);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) process.stderr.write(`gateway: ${e.message}\n`);
  else logger.error('failed to start', { error: e instanceof Error ? e.stack : String(e) });
  process.exit(1);
});
