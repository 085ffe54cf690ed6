import path from 'node:path';
import { Client } from 'pg';
import { env, loadPlatformConfig, readEnv, startEmbeddedPostgres, type Logger } from '@sunlight/shared';

/** The database the generated city lives in, on whichever server holds it. */
export const CITY_DATABASE = 'sunlight_city';
/** Default port of the generator's own embedded PostgreSQL (`CITY_PG_PORT`). */
export const CITY_PG_PORT = 5440;

/** Where the city dataset is: a database on a running server. */
export interface CityDatabase {
  /** Connection URL of the `sunlight_city` database (give it to the services as DATABASE_URL). */
  url: string;
  /** Connection URL of a maintenance database on the same server. */
  adminUrl: string;
  /** `embedded`: the generator's own cluster under `<DATA_DIR>/city/pg`; `external`: DATABASE_URL's server. */
  kind: 'embedded' | 'external';
  /** Where the files or the server are, for people. */
  location: string;
  /** Stops the embedded server (nothing for an external one). */
  stop(): Promise<void>;
}

/** `<DATA_DIR>/city`: the embedded cluster, the manifest. */
export function cityDataDir(dataDir: string): string {
  return path.join(dataDir, 'city');
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Opens the server that holds (or will hold) the generated city: the server of `DATABASE_URL` when
 * set, otherwise an embedded PostgreSQL under `<DATA_DIR>/city/pg` on `CITY_PG_PORT` (5440),
 * started here. The database itself is `sunlight_city`. A benchmark calls this to find the
 * dataset, then starts the stack on `url` with `SEED_DEMO=false`, and calls `stop()` at the end.
 */
export async function openCityDatabase(
  source: NodeJS.ProcessEnv = process.env,
  logger?: Logger,
): Promise<CityDatabase> {
  const platform = loadPlatformConfig(source);
  const own = readEnv({ CITY_PG_PORT: env.port(CITY_PG_PORT) }, source);
  if (platform.databaseUrl) {
    const u = new URL(platform.databaseUrl);
    // The admin connection must not be to the database it drops.
    const adminUrl =
      u.pathname === `/${CITY_DATABASE}` ? withDatabase(platform.databaseUrl, 'postgres') : platform.databaseUrl;
    return {
      url: withDatabase(platform.databaseUrl, CITY_DATABASE),
      adminUrl,
      kind: 'external',
      location: `${u.hostname}:${u.port || 5432}`,
      stop: async () => undefined,
    };
  }
  const dir = path.join(cityDataDir(platform.dataDir), 'pg');
  const pg = await startEmbeddedPostgres({ dir, port: own.CITY_PG_PORT, ...(logger ? { logger } : {}) });
  return {
    url: pg.urlFor(CITY_DATABASE),
    adminUrl: pg.adminUrl,
    kind: 'embedded',
    location: `${dir} (127.0.0.1:${own.CITY_PG_PORT})`,
    stop: () => pg.stop(),
  };
}

/** Drops `sunlight_city` (disconnecting whoever uses it) and creates it empty. */
export async function recreateCityDatabase(db: CityDatabase): Promise<void> {
  const admin = new Client({ connectionString: db.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${CITY_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${CITY_DATABASE}`);
  } finally {
    await admin.end();
  }
}
