import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  ConfigError,
  createLogger,
  ensureDatabase,
  env,
  loadPlatformConfig,
  loadSecrets,
  readEnv,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '@sunlight/shared';
import { SUBGRAPHS } from '../subgraphs';

const ROOT = path.resolve(__dirname, '../../..');
const logger = createLogger('launcher');

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with status ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s`);
}

/**
 * `npm start`: PostgreSQL (embedded under DATA_DIR unless DATABASE_URL is set), every subgraph
 * as its own process (migrating and, on an empty database, seeding the demo city), then the
 * gateway. Ctrl-C or SIGTERM stops them all, PostgreSQL last.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const platform = loadPlatformConfig();
  const own = readEnv({ GATEWAY_PORT: env.port(4000), NODE_HEAP_MB: env.int(224, 64, 16_384) });
  // Each process's V8 old space is capped so that it collects before it grows past its memory budget.
  const node = (main: string) => [`--max-old-space-size=${own.NODE_HEAP_MB}`, path.join(ROOT, main)];
  loadSecrets(platform); // generate the development keys once, before the processes read them
  const children: ChildProcess[] = [];
  let pg: EmbeddedPostgresHandle | undefined;
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping');
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
            setTimeout(() => c.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
    if (pg) await pg.stop().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    let databaseUrl = platform.databaseUrl;
    if (!databaseUrl) {
      pg = await startEmbeddedPostgres({
        dir: path.join(platform.dataDir, 'pg'),
        port: platform.embeddedPgPort,
        logger,
      });
      await ensureDatabase(pg.adminUrl, 'sunlight');
      databaseUrl = pg.urlFor('sunlight');
      logger.info('embedded PostgreSQL ready', {
        port: platform.embeddedPgPort,
        dir: path.join(platform.dataDir, 'pg'),
      });
    }
    // Every process learns every subgraph's URL (a service may call another, e.g. cases → powers).
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map(({ urlVariable, url }) => [urlVariable, url]));
    const baseEnv = { ...process.env, ...subgraphUrls, DATABASE_URL: databaseUrl, DATA_DIR: platform.dataDir };
    await Promise.all(
      SUBGRAPHS.map(async ({ port, main }) => {
        const child = spawn(process.execPath, node(main), {
          stdio: 'inherit',
          env: { ...baseEnv, PORT: String(port), SEED_DEMO: 'true' },
        });
        children.push(child);
        child.once('exit', (code) => !stopping && void stop(code ?? 1));
        await waitForHealth(`http://127.0.0.1:${port}/health`, child, 120_000);
      }),
    );
    const gateway = spawn(process.execPath, node('gateway/dist/main.js'), {
      stdio: 'inherit',
      env: { ...baseEnv, GATEWAY_PORT: String(own.GATEWAY_PORT) },
    });
    children.push(gateway);
    gateway.once('exit', (code) => !stopping && void stop(code ?? 1));
    await waitForHealth(`http://127.0.0.1:${own.GATEWAY_PORT}/health`, gateway, 60_000);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      [
        '',
        `Sunlight is ready in ${seconds} s: http://localhost:${own.GATEWAY_PORT}/graphql`,
        `  health:  curl http://localhost:${own.GATEWAY_PORT}/health`,
        '  a token: npm run -s token -- --role INSPECTOR --unit 139901000000',
        `  then:    curl -s http://localhost:${own.GATEWAY_PORT}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
        `             -d '{"query":"{ viewer { subject role } unit(code: \\"139901000000\\") { name children { name } } }"}'`,
        'Ctrl-C stops everything.',
        '',
      ].join('\n'),
    );
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError || e instanceof Error ? e.message : String(e)}\n`);
    await stop(1);
  }
}

void main();
