import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
/** On the command line of our second gateway, so that memory and CPU are told apart from the stack's. */
export const UNCACHED_MARKER = 'bench-cache-off';

/** A gateway process the benchmark compares ours with. */
export interface ComparedGateway {
  url: string;
  stop(): Promise<void>;
}

async function untilReady(child: ChildProcess, name: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await ready().catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready in 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      // Ended already (by a code, or by a signal such as the SIGKILL below): 'exit' will not come again.
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
}

/** Starts Hive Gateway (hive-peer.ts) on `port` over the running subgraphs, with our supergraph and the dataset's keys. */
export async function startPeerGateway(dataDir: string, port = 4100): Promise<ComparedGateway> {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=256', '--no-warnings', path.join(__dirname, 'hive-peer.js')],
    {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        HIVE_PORT: String(port),
        SUPERGRAPH_PATH: path.join(ROOT, 'deploy/supergraph.graphql'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await untilReady(child, 'Hive Gateway', async () => output.includes('ready')).catch(async (e: unknown) => {
    await stopper(child)();
    throw e;
  });
  return { url: `http://127.0.0.1:${port}/graphql`, stop: stopper(child) };
}

/**
 * Starts a second gateway of ours on `port` with the response cache off (RESPONSE_CACHE_MB=0):
 * what our gateway costs per request without the cache, next to the peer's.
 */
export async function startUncachedGateway(
  dataDir: string,
  databaseUrl: string,
  port = 4200,
): Promise<ComparedGateway> {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=256', path.join(ROOT, 'gateway/dist/main.js'), UNCACHED_MARKER],
    {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        GATEWAY_PORT: String(port),
        RESPONSE_CACHE_MB: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  await untilReady(
    child,
    'our gateway without the cache',
    async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok,
  ).catch(async (e: unknown) => {
    await stopper(child)();
    throw e;
  });
  return { url: `http://127.0.0.1:${port}/graphql`, stop: stopper(child) };
}
