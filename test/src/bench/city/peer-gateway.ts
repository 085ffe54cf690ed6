import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

/** The peer gateway's process (see hive-peer.ts). */
export interface PeerGateway {
  url: string;
  stop(): Promise<void>;
}

/** Starts Hive Gateway on `port` over the running subgraphs, with our supergraph and the dataset's keys. */
export async function startPeerGateway(dataDir: string, port = 4100): Promise<PeerGateway> {
  const child = spawn(process.execPath, ['--max-old-space-size=256', path.join(__dirname, 'hive-peer.js')], {
    env: { ...process.env, DATA_DIR: dataDir, HIVE_PORT: String(port), SUPERGRAPH_PATH: path.join(ROOT, 'deploy/supergraph.graphql') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Hive Gateway not ready in 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Hive Gateway exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
