import { loadSecrets } from '../auth/secrets';
import { TokenService } from '../auth/token-service';
import { ConfigError } from '../config/config-error';
import { env, readEnv } from '../config/env-reader';
import { databaseUrlVariable, loadPlatformConfig } from '../config/platform-config';
import { createLogger } from '../logging/logger';
import { onLauncherGone } from './on-launcher-gone';
import { startSubgraph } from './start-subgraph';
import { subgraphAddress } from './subgraph-address';
import type { SubgraphContext, SubgraphDefinition } from './subgraph-definition';

/**
 * The `main` of a subgraph process: validates configuration (`<SERVICE>_DATABASE_URL` or
 * `DATABASE_URL` required, `NATS_URL` optional, `PORT`
 * (default: the subgraph directory's port), `HOST`, `SEED_DEMO`, `DB_POOL_SIZE`, `DRAIN_DELAY_MS`), starts the
 * subgraph, and shuts it down cleanly on SIGTERM or SIGINT (it alone handles them: Apollo's own
 * handler is off). Exits with status 1 and one line naming each bad variable on bad configuration.
 */
export async function runSubgraphMain<C extends SubgraphContext>(def: SubgraphDefinition<C>): Promise<void> {
  const logger = createLogger(def.name);
  try {
    const platform = loadPlatformConfig();
    const own = readEnv({
      PORT: env.port(subgraphAddress(def.name).port),
      HOST: env.string('127.0.0.1'),
      SEED_DEMO: env.oneOf(['true', 'false'] as const, 'false'),
      DB_POOL_SIZE: env.int(10, 1, 200),
      DRAIN_DELAY_MS: env.int(0, 0, 60_000),
    });
    const databaseUrl = platform.serviceDatabaseUrls[def.name];
    if (!databaseUrl)
      throw new ConfigError([
        `${databaseUrlVariable(def.name)} or DATABASE_URL is required for a subgraph process (npm start sets it for you)`,
      ]);
    const secrets = loadSecrets(platform);
    const running = await startSubgraph(def, {
      databaseUrl,
      port: own.PORT,
      host: own.HOST,
      tokens: new TokenService(secrets.tokenSecret, secrets.internalSecret, platform.tokenTtlSeconds),
      logger,
      seedDemo: own.SEED_DEMO === 'true',
      poolSize: own.DB_POOL_SIZE,
      databaseRoleKey: secrets.internalSecret,
      events: platform.natsUrl ? { natsUrl: platform.natsUrl, stream: platform.eventStream } : undefined,
      drainDelayMs: own.DRAIN_DELAY_MS,
    });
    // Requests in flight finish, then the workers and the pool close; only then does the process exit.
    const shutdown = (signal: string) => {
      logger.info('stopping', { signal });
      running.stop().then(
        () => {
          logger.info('stopped', { signal });
          process.exit(0);
        },
        (e: unknown) => {
          logger.error('failed to stop cleanly', { error: e instanceof Error ? e.message : String(e) });
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
    onLauncherGone(() => shutdown('launcher gone'));
  } catch (e) {
    if (e instanceof ConfigError) process.stderr.write(`${def.name}: ${e.message}\n`);
    else logger.error('failed to start', { error: e instanceof Error ? e.stack : String(e) });
    process.exit(1);
  }
}
