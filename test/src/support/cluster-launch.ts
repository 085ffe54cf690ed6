import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SUBGRAPH_DIRECTORY } from '@sunlight/shared';

const ROOT = path.resolve(__dirname, '../../..');

/** `npm run start:cluster` running as a child process on free ports, with its log. */
export interface LaunchedCluster {
  child: ChildProcess;
  dataDir: string;
  pgPort: number;
  /** The gateways' balancer: what a user opens. */
  gatewayUrl: string;
  /** Every replica (subgraphs in the directory's order, then the gateways) and its port. */
  replicas: { name: string; port: number }[];
  /** The pid the launcher last started under `name` (a replica's log name, e.g. `cases-2`). */
  pidOf(name: string): number | undefined;
  output(): string;
  /** SIGTERM to the launcher, resolved when it exited. */
  stop(): Promise<void>;
}

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

async function allFree(ports: number[]): Promise<boolean> {
  return (await Promise.all(ports.map(portFree))).every(Boolean);
}

/**
 * Picks ports no other stack uses (balancers at `GATEWAY_PORT` and the directory's ports plus an
 * offset, replicas from `CLUSTER_PORT_BASE`, PostgreSQL), starts the built launcher
 * (deploy/dist/local/cluster.js) on the embedded PostgreSQL under a fresh DATA_DIR and resolves
 * once it prints that it is ready.
 */
export async function launchCluster(env: Record<string, string> = {}, timeoutMs = 240_000): Promise<LaunchedCluster> {
  const n = SUBGRAPH_DIRECTORY.length;
  for (;;) {
    // Below the kernel's ephemeral range (32768 and up by default): a replica's port there can be
    // taken, while the replica restarts, by the local end of one of the many outgoing connections.
    const start = 20_000 + Math.floor(Math.random() * 12_000);
    // gateway balancer, pg, subgraph balancers (offset), replicas (base): one block of 100 ports
    const gatewayPort = start;
    const pgPort = start + 1;
    const offset = start + 10 - SUBGRAPH_DIRECTORY[0]!.port; // subgraph balancers at start+10..
    const base = start + 20;
    const replicas = [
      ...SUBGRAPH_DIRECTORY.flatMap((s, k) =>
        [1, 2].map((r) => ({ name: `${s.name}-${r}`, port: base + 10 * (k + 1) + r - 1 })),
      ),
      { name: 'gateway-1', port: base },
      { name: 'gateway-2', port: base + 1 },
    ];
    const ports = [
      gatewayPort,
      pgPort,
      ...SUBGRAPH_DIRECTORY.map((s) => s.port + offset),
      ...replicas.map((r) => r.port),
    ];
    if (base + 10 * (n + 1) > 65_000 || !(await allFree(ports))) continue;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-cluster-'));
    const base_ = { ...process.env };
    for (const name of ['DATABASE_URL', 'NODE_ENV', 'LOG_LEVEL', 'JEST_WORKER_ID']) delete base_[name];
    const child = spawn(process.execPath, [path.join(ROOT, 'deploy/dist/local/cluster.js')], {
      cwd: ROOT,
      env: {
        ...base_,
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(pgPort),
        GATEWAY_PORT: String(gatewayPort),
        SUBGRAPH_PORT_OFFSET: String(offset),
        CLUSTER_PORT_BASE: String(base),
        CLUSTER_REPLICAS: '2',
        DEMO_HISTORY: 'off',
        DEMO_ACTIVITY: 'off',
        SHUTDOWN_GRACE_MS: '5000',
        NODE_HEAP_MB: '192',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    // CLUSTER_LOG: a file that gets the launcher's and every replica's output too (for a look after a failure).
    const log = process.env['CLUSTER_LOG'];
    const take = (c: Buffer) => {
      out += c.toString();
      if (log) fs.appendFileSync(log, c);
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + timeoutMs;
    while (!out.includes('Sunlight is ready')) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the cluster exited:\n${out.slice(-4000)}`);
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`the cluster was not ready within ${timeoutMs / 1000} s:\n${out.slice(-4000)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const pidOf = (name: string) => {
      let pid: number | undefined;
      for (const line of out.split('\n')) {
        if (!line.startsWith('{')) continue;
        const l = JSON.parse(line) as { service?: string; msg?: string; name?: string; pid?: number };
        if (l.service === 'launcher' && l.msg === 'service started' && l.name === name) pid = l.pid;
      }
      return pid;
    };
    return {
      child,
      dataDir,
      pgPort,
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      replicas,
      pidOf,
      output: () => out,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
}
