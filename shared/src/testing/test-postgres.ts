import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../db/embedded-postgres';
import { freePort } from './free-port';

/** Environment variable through which jest workers learn the test server's admin URL. */
export const TEST_ADMIN_URL_ENV = 'SUNLIGHT_TEST_ADMIN_URL';

/**
 * Starts the one PostgreSQL a test run uses: the server named by `DATABASE_URL` when set,
 * otherwise an embedded cluster in a temporary directory. Returns a function that stops it.
 */
export async function startTestPostgres(): Promise<() => Promise<void>> {
  const external = process.env['DATABASE_URL'];
  if (external) {
    process.env[TEST_ADMIN_URL_ENV] = external;
    return async () => undefined;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-test-'));
  const handle: EmbeddedPostgresHandle = await startEmbeddedPostgres({
    dir: path.join(dir, 'pg'),
    port: await freePort(),
  });
  process.env[TEST_ADMIN_URL_ENV] = handle.adminUrl;
  return async () => {
    await handle.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
