import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cityDataDir, type CityManifest } from '@sunlight/deploy';
import { loadPlatformConfig } from '@sunlight/shared';

const ROOT = path.resolve(__dirname, '../../../..');
/** The small city's own embedded PostgreSQL, so that it never shares a cluster (or a socket lock) with the city's 5440. */
const SMALL_PG_PORT = '5441';

/**
 * The environment under which the small city lives: the generator always writes `sunlight_city`
 * and `<DATA_DIR>/city/manifest.json`, so the small city gets its own DATA_DIR (`<DATA_DIR>/small`,
 * with its own keys and embedded cluster) and coexists with the big one. DATABASE_URL is ignored:
 * on a shared server the small city would replace the big one.
 */
export function smallCityEnv(source: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = source;
  return {
    ...rest,
    DATA_DIR: path.join(loadPlatformConfig(source).dataDir, 'small'),
    CITY_PG_PORT: source['BENCH_SMALL_PG_PORT'] ?? SMALL_PG_PORT,
  };
}

/** Generates the small city under `env` (`npm run generate -- --scale small`) unless it is there already. */
export async function ensureSmallCity(env: NodeJS.ProcessEnv, log: (s: string) => void): Promise<void> {
  const file = path.join(cityDataDir(loadPlatformConfig(env).dataDir), 'manifest.json');
  if (fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf8')) as CityManifest).scale === 'small') return;
  log(`generating the small city under ${env['DATA_DIR']}…`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'deploy/dist/generate/generate.js'), '--scale', 'small'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`generating the small city failed with status ${code}`)),
    );
  });
}
