import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** The federation started as `npm start` would (one process per service), on a throwaway data directory. */
export interface LocalStack {
  gatewayUrl: string;
  dataDir: string;
  pids(): number[];
  stop(): Promise<void>;
}

/**
 * Starts the launcher and waits until it reports ready: on a throwaway DATA_DIR (removed at stop),
 * or on `dataDir` (kept) when given. `launcher: 'cluster'` starts it as `npm run start:cluster`
 * does (two replicas of every subgraph and of the gateway, behind balancers).
 */
export async function startLocalStack(
  env: Record<string, string> = {},
  keptDataDir?: string,
  launcher: 'start' | 'cluster' = 'start',
): Promise<LocalStack> {
  const dataDir = keptDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-bench-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, `deploy/dist/local/${launcher}.js`)], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: '54339',
      LOG_LEVEL: 'warn',
      CARD_SCHEDULER_INTERVAL_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack not ready in 120 s:\n${output}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Sunlight is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`launcher exited with ${code}:\n${output}`)));
  });
  return {
    gatewayUrl: 'http://127.0.0.1:4000/graphql',
    dataDir,
    pids: () => [child.pid!],
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          if (!keptDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
          return resolve();
        }
        child.once('exit', () => {
          if (!keptDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
