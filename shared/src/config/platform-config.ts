import path from 'node:path';
import { env, readEnv } from './env-reader';

/** Settings every Sunlight process shares. */
export interface PlatformConfig {
  nodeEnv: 'development' | 'production' | 'test';
  production: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
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
  const raw = readEnv(
    {
      NODE_ENV: env.oneOf(['development', 'production', 'test'] as const, 'development'),
      DATA_DIR: env.string('.data'),
      DATABASE_URL: env.postgresUrl(),
      EMBEDDED_PG_PORT: env.port(54329),
      SUNLIGHT_TOKEN_SECRET: env.optionalString(),
      SUNLIGHT_TOKEN_SECRET_PREVIOUS: env.optionalString(),
      SUNLIGHT_INTERNAL_SECRET: env.optionalString(),
      TOKEN_TTL_SECONDS: env.int(8 * 3600, 60, 30 * 24 * 3600),
    },
    source,
  );
  return {
    nodeEnv: raw.NODE_ENV,
    production: raw.NODE_ENV === 'production',
    dataDir: path.resolve(raw.DATA_DIR),
    databaseUrl: raw.DATABASE_URL,
    embeddedPgPort: raw.EMBEDDED_PG_PORT,
    tokenSecret: raw.SUNLIGHT_TOKEN_SECRET,
    previousTokenSecret: raw.SUNLIGHT_TOKEN_SECRET_PREVIOUS,
    internalSecret: raw.SUNLIGHT_INTERNAL_SECRET,
    tokenTtlSeconds: raw.TOKEN_TTL_SECONDS,
  };
}
