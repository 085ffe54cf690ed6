import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Secrets } from '@sunlight/shared';
import type { CityDatabase } from './city-database';
import type { GeneratedCity } from './generate-city';

/** `<DATA_DIR>/city/manifest.json`: what was generated, where it is, and samples for benchmarks. */
export interface CityManifest extends GeneratedCity {
  database: { name: string; kind: CityDatabase['kind']; location: string; url: string };
  /**
   * Query codes, rating stage keys, device keys and complainants' identities depend on the
   * services' keys: run the services with the same DATA_DIR (or SUNLIGHT_*_SECRET) as the generator.
   */
  keys: { dataDir: string; internalSecretSha256: string };
  elapsedSeconds: number;
  databaseBytes: number;
}

/** A URL fit to write down: the password of an external server is not. */
export function displayUrl(db: CityDatabase): string {
  const u = new URL(db.url);
  if (db.kind === 'external' && u.password) u.password = '***';
  return u.toString();
}

export function buildManifest(
  city: GeneratedCity,
  db: CityDatabase,
  secrets: Secrets,
  dataDir: string,
  elapsedSeconds: number,
  databaseBytes: number,
): CityManifest {
  return {
    ...city,
    database: { name: new URL(db.url).pathname.slice(1), kind: db.kind, location: db.location, url: displayUrl(db) },
    keys: {
      dataDir,
      internalSecretSha256: createHash('sha256').update(secrets.internalSecret).digest('hex').slice(0, 16),
    },
    elapsedSeconds,
    databaseBytes,
  };
}

export function writeManifest(file: string, manifest: CityManifest): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
