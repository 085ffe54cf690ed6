import fs from 'node:fs';
import path from 'node:path';
import { cityDataDir, openCityDatabase, type CityManifest } from '@sunlight/deploy';
import { loadPlatformConfig } from '@sunlight/shared';
import { copyCityDatabase } from './bench-database';
import { lastDataMonth } from './dataset-month';

/** The row counts the report repeats (the manifest has every table's). */
const SUMMARY_TABLES = [
  'powers.unit',
  'powers.power',
  'cases.case',
  'cases.case_event',
  'evaluations.rating',
  'complaints.complaint',
  'alerts.alert',
];

/** The generated city as the benchmark uses it: a throwaway copy of its database, and its manifest. */
export interface CityDataset {
  /** The copy the stack runs on (dropped by `close`). */
  databaseUrl: string;
  /** The DATA_DIR whose keys the generator used (query codes depend on them). */
  dataDir: string;
  /** The last whole month the data covers (`YYYY-MM`): the dashboards ask for it. */
  month: string;
  city: string;
  counties: string[];
  lookups: { number: string; queryCode: string }[];
  filers: { unit: string; clerkSubject: string; leaderSubject: string; departmentId: string; powerIds: string[] }[];
  summary: Record<string, unknown>;
  /** Drops the copy and stops the embedded server. */
  close(): Promise<void>;
}

/**
 * Opens the database `npm run generate` built under `env` (its DATA_DIR, CITY_PG_PORT or
 * DATABASE_URL) and copies it, so that nothing the benchmark writes stays in the dataset.
 */
export async function openCityDataset(env: NodeJS.ProcessEnv, log: (s: string) => void): Promise<CityDataset> {
  const file = path.join(cityDataDir(loadPlatformConfig(env).dataDir), 'manifest.json');
  if (!fs.existsSync(file))
    throw new Error(`no generated city at ${file}: run \`npm run generate -- --scale city\` first`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as CityManifest;
  const server = await openCityDatabase(env);
  const copy = await copyCityDatabase(server, log).catch(async (e: unknown) => {
    await server.stop();
    throw e;
  });
  const s = manifest.samples;
  return {
    databaseUrl: copy.url,
    dataDir: manifest.keys.dataDir,
    month: lastDataMonth(manifest.window),
    city: s.units.city,
    counties: s.units.counties,
    lookups: s.caseLookups,
    filers: s.clerks.map((c) => ({
      unit: c.unitCode,
      clerkSubject: c.subject,
      leaderSubject: c.leader,
      departmentId: c.departmentId,
      powerIds: c.powerIds,
    })),
    summary: {
      scale: manifest.scale,
      seed: manifest.seed,
      window: `${manifest.window.from}..${manifest.window.to}`,
      ...Object.fromEntries(SUMMARY_TABLES.map((t) => [t, manifest.counts[t] ?? 0])),
      databaseMiB: Math.round(manifest.databaseBytes / 2 ** 20),
    },
    close: async () => {
      try {
        await copy.drop();
      } finally {
        await server.stop();
      }
    },
  };
}
