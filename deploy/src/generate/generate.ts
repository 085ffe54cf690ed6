import path from 'node:path';
import { Client } from 'pg';
import { ConfigError, loadPlatformConfig, loadSecrets } from '@sunlight/shared';
import { cityDataDir, openCityDatabase, recreateCityDatabase } from './city-database';
import { generateCity } from './generate-city';
import { parseGenerateArgs } from './generate-args';
import { buildManifest, writeManifest } from './manifest';

/**
 * `npm run generate -- --scale city --seed 1`: a deterministic city-sized dataset in the database
 * `sunlight_city` (on DATABASE_URL's server, or an embedded PostgreSQL under DATA_DIR/city/pg),
 * recreated from scratch, and DATA_DIR/city/manifest.json describing it.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const say = (m: string) =>
    process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${m}\n`);
  const { scale, seed } = parseGenerateArgs(process.argv.slice(2));
  const platform = loadPlatformConfig();
  const secrets = loadSecrets(platform);
  const complainantKey = process.env['COMPLAINANT_KEY']
    ? new Uint8Array(Buffer.from(process.env['COMPLAINANT_KEY'], 'base64'))
    : undefined;
  const db = await openCityDatabase();
  try {
    say(`scale ${scale.name}, seed ${seed}; database sunlight_city at ${db.location}`);
    await recreateCityDatabase(db);
    const city = await generateCity({
      url: db.url,
      scale,
      seed,
      secrets,
      ...(complainantKey ? { complainantKey } : {}),
      log: say,
    });
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const bytes = Number(
      (await client.query<{ n: string }>('SELECT pg_database_size(current_database())::text AS n')).rows[0]!.n,
    );
    await client.end();
    const elapsed = Math.round((Date.now() - started) / 100) / 10;
    const file = path.join(cityDataDir(platform.dataDir), 'manifest.json');
    writeManifest(file, buildManifest(city, db, secrets, platform.dataDir, elapsed, bytes));
    const width = Math.max(...Object.keys(city.counts).map((k) => k.length));
    process.stdout.write(
      [
        '',
        'rows per table:',
        ...Object.entries(city.counts)
          .filter(([, n]) => n > 0)
          .map(([t, n]) => `  ${t.padEnd(width)} ${String(n).padStart(10)}`),
        '',
      ].join('\n'),
    );
    process.stdout.write(
      `\ngenerated in ${elapsed} s; database ${(bytes / 2 ** 30).toFixed(2)} GiB; manifest ${file}\n`,
    );
  } finally {
    await db.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError || e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
