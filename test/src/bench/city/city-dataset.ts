import fs from 'node:fs';
import path from 'node:path';
import { cityDataDir, openCityDatabase, type CityManifest } from '@sunlight/deploy';
import { loadPlatformConfig } from '@sunlight/shared';

/** The generated city as the benchmark uses it. */
export interface CityDataset {
  databaseUrl: string;
  /** The DATA_DIR whose keys the generator used (query codes depend on them). */
  dataDir: string;
  city: string;
  counties: string[];
  lookups: { number: string; queryCode: string }[];
  filers: { unit: string; clerkSubject: string; leaderSubject: string; departmentId: string; powerIds: string[] }[];
  summary: Record<string, unknown>;
  close(): Promise<void>;
}

/** Opens the database `npm run generate -- --scale city` built, with its manifest. */
export async function openCityDataset(): Promise<CityDataset> {
  const dataDir = loadPlatformConfig().dataDir;
  const file = path.join(cityDataDir(dataDir), 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`no generated city at ${file}: run \`npm run generate -- --scale city\` first`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as CityManifest;
  const db = await openCityDatabase();
  const s = manifest.samples;
  return {
    databaseUrl: db.url,
    dataDir: manifest.keys.dataDir,
    city: s.units.city,
    counties: s.units.counties,
    lookups: s.caseLookups,
    filers: s.clerks.map((c) => ({ unit: c.unitCode, clerkSubject: c.subject, leaderSubject: c.leader, departmentId: c.departmentId, powerIds: c.powerIds })),
    summary: { scale: manifest.scale, seed: manifest.seed, ...manifest.counts, databaseMiB: Math.round(manifest.databaseBytes / 2 ** 20) },
    close: () => db.stop(),
  };
}

