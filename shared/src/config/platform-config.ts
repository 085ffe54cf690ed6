import path from 'node:path';
import { DEFAULT_EVENT_STREAM, type EventStreamConfig } from '../events/jetstream/event-stream-config';
import { SUBGRAPH_DIRECTORY, type SubgraphName } from '../service/subgraph-directory';
import { ConfigError } from './config-error';
import { env, readEnv } from './env-reader';

/** Settings every Sunlight process shares. */
export interface PlatformConfig {
  nodeEnv: 'development' | 'production' | 'test';
  production: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * Each service's database: `<SERVICE>_DATABASE_URL` (`CASES_DATABASE_URL`, …), else
   * `DATABASE_URL`. Services in different databases need `NATS_URL` for their events.
   */
  serviceDatabaseUrls: Record<SubgraphName, string | undefined>;
  /** The NATS servers whose JetStream carries events between databases; unset: the direct outbox path. */
  natsUrl: string | undefined;
  /** The stream those events travel in (`NATS_STREAM`, `NATS_SUBJECT_PREFIX`). */
  eventStream: EventStreamConfig;
  embeddedPgPort: number;
  tokenSecret: string | undefined;
  /** The token key before the last rotation, still accepted (README: "Security model"). */
  previousTokenSecret: string | undefined;
  internalSecret: string | undefined;
  tokenTtlSeconds: number;
}

/**
 * Reads and validates the shared settings. See README's configuration table for each variable.
 * Throws a ConfigError listing every bad value.
 */
export function loadPlatformConfig(source: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const problems: string[] = [];
  const collect = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(...e.problems);
      return undefined;
    }
  };
  const raw = collect(() =>
    readEnv(
      {
        NODE_ENV: env.oneOf(['development', 'production', 'test'] as const, 'development'),
        DATA_DIR: env.string('.data'),
        DATABASE_URL: env.postgresUrl(),
        EMBEDDED_PG_PORT: env.port(54329),
        SUNLIGHT_TOKEN_SECRET: env.optionalString(),
        SUNLIGHT_TOKEN_SECRET_PREVIOUS: env.optionalString(),
        SUNLIGHT_INTERNAL_SECRET: env.optionalString(),
        TOKEN_TTL_SECONDS: env.int(8 * 3600, 60, 30 * 24 * 3600),
        NATS_URL: env.natsUrl(),
        NATS_STREAM: env.matching(
          /^[A-Za-z0-9_-]+$/,
          'a stream name (letters, digits, _ and -)',
          DEFAULT_EVENT_STREAM.name,
        ),
        NATS_SUBJECT_PREFIX: env.matching(
          /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/,
          'subject tokens separated by dots (no wildcards)',
          DEFAULT_EVENT_STREAM.subjectPrefix,
        ),
      },
      source,
    ),
  );
  const perService = collect(() =>
    readEnv(
      Object.fromEntries(SUBGRAPH_DIRECTORY.map((s) => [databaseUrlVariable(s.name), env.postgresUrl()])),
      source,
    ),
  );
  if (!raw || !perService) throw new ConfigError(problems);
  return {
    nodeEnv: raw.NODE_ENV,
    production: raw.NODE_ENV === 'production',
    dataDir: path.resolve(raw.DATA_DIR),
    databaseUrl: raw.DATABASE_URL,
    serviceDatabaseUrls: Object.fromEntries(
      SUBGRAPH_DIRECTORY.map((s) => [s.name, perService[databaseUrlVariable(s.name)] ?? raw.DATABASE_URL]),
    ) as Record<SubgraphName, string | undefined>,
    natsUrl: raw.NATS_URL,
    eventStream: { ...DEFAULT_EVENT_STREAM, name: raw.NATS_STREAM, subjectPrefix: raw.NATS_SUBJECT_PREFIX },
    embeddedPgPort: raw.EMBEDDED_PG_PORT,
    tokenSecret: raw.SUNLIGHT_TOKEN_SECRET,
    previousTokenSecret: raw.SUNLIGHT_TOKEN_SECRET_PREVIOUS,
    internalSecret: raw.SUNLIGHT_INTERNAL_SECRET,
    tokenTtlSeconds: raw.TOKEN_TTL_SECONDS,
  };
}

/** `<SERVICE>_DATABASE_URL`: the variable naming one service's own database (`CASES_DATABASE_URL`). */
export function databaseUrlVariable(service: SubgraphName): string {
  return `${service.toUpperCase()}_DATABASE_URL`;
}
