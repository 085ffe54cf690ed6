import { Client } from 'pg';
import type { CityDatabase } from '@sunlight/deploy';

/** Copies of the generated city are named with this prefix; leftovers of a killed run are dropped. */
const PREFIX = 'sunlight_bench_';

/** A throwaway copy of the generated city on the same server. */
export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(db: CityDatabase, run: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: db.adminUrl });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

/**
 * `CREATE DATABASE … TEMPLATE sunlight_city`: the benchmark files cases and publishes powers in the
 * copy, so the generated city stays as the generator left it. FILE_COPY copies the files after a
 * checkpoint instead of logging every block, which matters at 6 GiB.
 */
export async function copyCityDatabase(db: CityDatabase, log: (s: string) => void): Promise<BenchDatabase> {
  const source = new URL(db.url).pathname.slice(1);
  const name = `${PREFIX}${Date.now().toString(36)}`;
  await withAdmin(db, async (admin) => {
    // A copy nobody is connected to is a leftover of a run that was killed; one in use is another run's.
    const stale = await admin.query<{ datname: string }>(
      `SELECT d.datname FROM pg_database d WHERE d.datname LIKE '${PREFIX}%' AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    );
    for (const { datname } of stale.rows) {
      log(`dropping ${datname}, left by an earlier run`);
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    const t0 = performance.now();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source}" STRATEGY FILE_COPY`);
    log(`copied ${source} to ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
  const u = new URL(db.url);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    drop: () =>
      withAdmin(db, async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}
