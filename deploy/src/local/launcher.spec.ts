import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@sunlight/shared/testing';
import { SUBGRAPH_DIRECTORY } from '@sunlight/shared';
import { exitOf, type ExitStatus } from './child-exit';
import { LOCK_FILE } from './data-dir-lock';

// The real `npm start` (deploy/dist/local/start.js, built first as `npm start` does), on a fresh
// DATA_DIR under /tmp and free ports: one stack serves every case of the first block.
const ROOT = path.resolve(__dirname, '../../..');
const COUNTY = '139901000000';

interface LogLine {
  msg?: string;
  service?: string;
  /** The supervised service a launcher line is about. */
  name?: string;
  pid?: number;
  code?: number | null;
  signal?: string | null;
  [key: string]: unknown;
}

interface Launched {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The JSON log lines the launcher (service "launcher") wrote. */
  launcherLog(): LogLine[];
  exit: Promise<ExitStatus>;
}

function launch(env: Record<string, string>): Launched {
  const base = { ...process.env };
  for (const name of ['DATABASE_URL', 'NODE_ENV', 'LOG_LEVEL', 'JEST_WORKER_ID']) delete base[name];
  const child = spawn(process.execPath, [path.join(ROOT, 'deploy/dist/local/start.js')], {
    cwd: ROOT,
    env: { ...base, CARD_SCHEDULER_INTERVAL_MS: '0', SHUTDOWN_GRACE_MS: '5000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = exitOf(child);
  const log = () =>
    `${out}\n${err}`
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine & { service: string })
      .filter((l) => l.service === 'launcher');
  return { child, stdout: () => out, stderr: () => err, launcherLog: log, exit };
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs: number, l?: Launched): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (l && (l.child.exitCode !== null || l.child.signalCode !== null))
      throw new Error(`${what}: the launcher exited\n${l.stdout()}\n${l.stderr()}`);
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs / 1000} s${l ? `\n${l.stdout()}\n${l.stderr()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves with `l`'s exit within `ms`, or rejects: a launcher that hangs fails the test. */
function exitWithin(l: Launched, ms: number): Promise<ExitStatus> {
  return Promise.race([
    l.exit,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`launcher still running after ${ms / 1000} s:\n${l.stderr()}`)), ms).unref(),
    ),
  ]);
}

/** Whether `pid` runs (a zombie, whose parent died and was not reaped yet, does not). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
};

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/** An offset that puts every subgraph of the directory on a free port. */
async function freeSubgraphOffset(): Promise<number> {
  for (;;) {
    const offset = 10_000 + Math.floor(Math.random() * 40_000);
    const free = await Promise.all(SUBGRAPH_DIRECTORY.map(({ port }) => portFree(port + offset)));
    if (free.every(Boolean)) return offset;
  }
}

const lastStarted = (l: Launched, service: string) =>
  l
    .launcherLog()
    .filter((line) => line.msg === 'service started' && line.name === service)
    .at(-1)?.pid;

beforeAll(() => {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
}, 300_000);

describe('npm start: one stack', () => {
  let dataDir: string;
  let offset: number;
  let gatewayPort: number;
  let pgPort: number;
  let stack: Launched;
  let env: Record<string, string>;
  const gateway = () => `http://127.0.0.1:${gatewayPort}`;
  const services = [...SUBGRAPH_DIRECTORY.map((s) => s.name), 'gateway'];
  const postmasterPid = () =>
    Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const startStack = async () => {
    stack = launch(env);
    await until('ready', () => stack.stdout().includes('Sunlight is ready'), 240_000, stack);
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-launch-'));
    offset = await freeSubgraphOffset();
    gatewayPort = await freePort();
    pgPort = await freePort();
    env = {
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(gatewayPort),
      EMBEDDED_PG_PORT: String(pgPort),
      SUBGRAPH_PORT_OFFSET: String(offset),
      DEMO_ACTIVITY_INTERVAL_MS: '2000',
    };
    await startStack();
  }, 260_000);

  afterAll(async () => {
    if (stack.child.exitCode === null && stack.child.signalCode === null) {
      stack.child.kill('SIGTERM');
      await exitWithin(stack, 60_000).catch(() => stack.child.kill('SIGKILL'));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 70_000);

  it('runs the demo activity through the gateway once it serves, and the banner says how to stop it', async () => {
    expect(stack.stdout()).toContain('Demo activity: on, about 30 actions a minute');
    expect(stack.stdout()).toContain('Stop it: DEMO_ACTIVITY=off npm start');
    const acted = await until(
      'a demo action',
      () => stack.launcherLog().find((l) => l.msg === 'demo activity' || l.msg === 'demo activity refused'),
      60_000,
      stack,
    );
    expect(acted).toMatchObject({ action: expect.any(String) });
    expect(stack.launcherLog().some((l) => l.msg === 'demo activity started')).toBe(true);
  }, 70_000);

  it('writes the demo history before the services start: its cases, and cards due since its cut-off', () => {
    const written = stack.launcherLog().find((l) => l.msg === 'demo history written') as
      (LogLine & { cases?: number; cutOff?: string; cardsDueFrom?: string }) | undefined;
    expect(written?.cases).toBeGreaterThan(3000);
    expect(Date.parse(written?.cutOff ?? '')).toBeLessThan(Date.now());
    expect(written?.cardsDueFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("keeps the embedded server's socket and its lock under DATA_DIR, none in /tmp", () => {
    const socket = path.join(dataDir, 'pg', `.s.PGSQL.${pgPort}`);
    expect(fs.statSync(socket).isSocket()).toBe(true);
    expect(fs.existsSync(`${socket}.lock`)).toBe(true);
    expect(fs.existsSync(`/tmp/.s.PGSQL.${pgPort}.lock`)).toBe(false);
    expect(fs.existsSync(`/tmp/.s.PGSQL.${pgPort}`)).toBe(false);
  });

  it('refuses a second start on the same DATA_DIR in one line, before starting anything', async () => {
    const second = launch({
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      SUBGRAPH_PORT_OFFSET: String(await freeSubgraphOffset()),
    });
    expect(await exitWithin(second, 20_000)).toEqual({ code: 1, signal: null });
    expect(second.stderr()).toBe(
      `launcher: DATA_DIR ${dataDir} is in use by another launcher (pid ${stack.child.pid}, lock ` +
        `${path.join(dataDir, LOCK_FILE)}); stop it, or give this one another DATA_DIR\n`,
    );
    expect(second.stdout()).toBe('');
    expect(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).toBe(`${stack.child.pid}\n`);
    expect((await fetch(`${gateway()}/health`)).status).toBe(200);
  }, 30_000);

  it('refuses a second start on ports in use, naming them, before starting anything', async () => {
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-launch-'));
    try {
      const second = launch({
        DATA_DIR: otherDir,
        GATEWAY_PORT: String(gatewayPort),
        EMBEDDED_PG_PORT: String(await freePort()),
        SUBGRAPH_PORT_OFFSET: String(offset),
      });
      expect(await exitWithin(second, 20_000)).toEqual({ code: 1, signal: null });
      const ports = SUBGRAPH_DIRECTORY.map(({ name, port }) => `${port + offset} (${name})`);
      expect(second.stderr()).toBe(
        `launcher: ports in use: ${[...ports, `${gatewayPort} (gateway)`].join(', ')}; another stack runs there? ` +
          'Stop it, or move this one (GATEWAY_PORT, SUBGRAPH_PORT_OFFSET, EMBEDDED_PG_PORT)\n',
      );
      expect(second.stdout()).toBe('');
      expect(fs.existsSync(path.join(otherDir, 'pg'))).toBe(false);
      expect(fs.existsSync(path.join(otherDir, LOCK_FILE))).toBe(false);
    } finally {
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('restarts a service killed with SIGKILL and names it in the log', async () => {
    const pid = lastStarted(stack, 'cases')!;
    expect(alive(pid)).toBe(true);
    process.kill(pid, 'SIGKILL');
    const crash = await until(
      'the crash logged',
      () => stack.launcherLog().find((l) => l.msg === 'service exited; restarting' && l.pid === pid),
      10_000,
      stack,
    );
    expect(crash).toMatchObject({ level: 'error', name: 'cases', signal: 'SIGKILL', restartInMs: 1000 });
    const restarted = await until(
      'cases restarted',
      () => stack.launcherLog().find((l) => l.msg === 'service restarted' && l.name === 'cases'),
      60_000,
      stack,
    );
    expect(restarted.pid).not.toBe(pid);
    expect(alive(restarted.pid!)).toBe(true);
    const cases = SUBGRAPH_DIRECTORY.find((s) => s.name === 'cases')!.port + offset;
    expect((await fetch(`http://127.0.0.1:${cases}/health`)).status).toBe(200);
    expect((await fetch(`${gateway()}/health`)).status).toBe(200);
    expect(stack.child.exitCode).toBeNull();
  }, 90_000);

  it('leaves no service behind when killed with SIGKILL; the next start takes over its lock and its PostgreSQL', async () => {
    const killed = stack.child.pid!;
    const pids = services.map((s) => lastStarted(stack, s)!);
    const postmaster = postmasterPid();
    stack.child.kill('SIGKILL');
    expect(await exitWithin(stack, 5000)).toEqual({ code: null, signal: 'SIGKILL' });
    await until('every service gone with its launcher', () => pids.every((pid) => !alive(pid)), 30_000);
    expect(alive(postmaster)).toBe(true); // PostgreSQL does not notice; the next start deals with it
    expect(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).toBe(`${killed}\n`);

    await startStack();
    expect(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).toBe(`${stack.child.pid}\n`);
    expect(stack.launcherLog()).toContainEqual(
      expect.objectContaining({ msg: 'stopped the PostgreSQL a killed launcher left running', pid: postmaster }),
    );
    expect(alive(postmaster)).toBe(false);
    expect(postmasterPid()).not.toBe(postmaster);
    expect((await fetch(`${gateway()}/health`)).status).toBe(200);
  }, 280_000);

  it('on SIGTERM drains a request in flight, stops every service cleanly, then PostgreSQL, and exits', async () => {
    const pids = services.map((s) => lastStarted(stack, s)!);
    const postmaster = postmasterPid();
    expect([...pids, postmaster].every(alive)).toBe(true);

    // A request whose body is still arriving when the launcher is told to stop.
    const body = JSON.stringify({ query: `{ unit(code: "${COUNTY}") { code name } }` });
    const request = http.request(`${gateway()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.once('error', reject);
      request.once('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.once('error', reject);
      });
    });
    request.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    stack.child.kill('SIGTERM');
    await until('the gateway told to stop', () => stack.launcherLog().some((l) => l.msg === 'stopping'), 5000, stack);
    await new Promise((r) => setTimeout(r, 500));
    request.end(body.slice(10));
    const answer = await answered;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ data: { unit: { code: COUNTY } } });

    expect(await exitWithin(stack, 40_000)).toEqual({ code: 0, signal: null });
    const seconds = (Date.now() - signalled) / 1000;
    const log = stack.launcherLog();
    const stopped = log.filter((l) => l.msg === 'service stopped');
    // Each process ran its own shutdown to the end (status 0), none was cut by a re-raised SIGTERM.
    expect(stopped.map((l) => [l.name, l.code, l.signal]).sort()).toEqual(services.map((s) => [s, 0, null]).sort());
    const order = log.map((l) => (l.msg === 'service stopped' ? l.name : l.msg));
    expect(order.indexOf('gateway')).toBeLessThan(Math.min(...SUBGRAPH_DIRECTORY.map((s) => order.indexOf(s.name))));
    expect(order.lastIndexOf('embedded PostgreSQL stopped')).toBeGreaterThan(
      Math.max(...services.map((s) => order.indexOf(s))),
    );
    expect([...pids, postmaster].filter(alive)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect(seconds).toBeLessThan(30);
  }, 60_000);
});

describe('npm start: failures, one line each', () => {
  it("shows PostgreSQL's own reason when it does not start", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-launch-'));
    try {
      fs.mkdirSync(path.join(dataDir, 'pg'), { mode: 0o700 });
      fs.writeFileSync(path.join(dataDir, 'pg', 'PG_VERSION'), '9\n'); // a cluster of another major version
      const pgPort = await freePort();
      const l = launch({
        DATA_DIR: dataDir,
        GATEWAY_PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(pgPort),
        SUBGRAPH_PORT_OFFSET: String(await freeSubgraphOffset()),
      });
      expect(await exitWithin(l, 60_000)).toEqual({ code: 1, signal: null });
      const lines = l.stderr().trimEnd().split('\n');
      expect(lines[0]).toBe(
        `launcher: PostgreSQL did not start (the server exited; data ${path.join(dataDir, 'pg')}, port ${pgPort}); its last messages:`,
      );
      // Its own words (as root: the data directory's owner; otherwise: the version), never `undefined`.
      expect(lines.slice(1).length).toBeGreaterThan(0);
      expect(lines.slice(1).every((line) => /^ {2}postgres: \S/.test(line))).toBe(true);
      expect(l.stderr()).not.toContain('undefined');
      expect(l.launcherLog().some((line) => line.msg === 'service started')).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 70_000);

  const oneLine = async (main: string, env: Record<string, string>) => {
    const base = { ...process.env };
    delete base['DATABASE_URL'];
    const child = spawn(process.execPath, [path.join(ROOT, main)], { env: { ...base, ...env }, stdio: 'pipe' });
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    return { status: await exitOf(child), stderr: err };
  };

  it('names the bad variable in one line without a stack trace: launcher, subgraph, gateway', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-launch-'));
    try {
      expect(await oneLine('deploy/dist/local/start.js', { DATA_DIR: dataDir, DEMO_ACTIVITY: 'maybe' })).toEqual({
        status: { code: 1, signal: null },
        stderr: 'launcher: invalid configuration: DEMO_ACTIVITY must be one of on, off, got "maybe"\n',
      });
      expect(await oneLine('deploy/dist/local/start.js', { DATA_DIR: dataDir, GATEWAY_PORT: 'abc' })).toEqual({
        status: { code: 1, signal: null },
        stderr: 'launcher: invalid configuration: GATEWAY_PORT must be a port number 0-65535, got "abc"\n',
      });
      expect(
        await oneLine('deploy/dist/local/start.js', {
          DATA_DIR: dataDir,
          EMBEDDED_PG_PORT: '70000',
          NODE_HEAP_MB: '1',
        }),
      ).toEqual({
        status: { code: 1, signal: null },
        stderr:
          'launcher: invalid configuration: EMBEDDED_PG_PORT must be a port number 0-65535, got "70000"; ' +
          'NODE_HEAP_MB must be an integer 64-16384, got "1"\n',
      });
      expect(
        await oneLine('services/cases/dist/main.js', {
          DATA_DIR: dataDir,
          PORT: 'x',
          DATABASE_URL: 'postgres://127.0.0.1:1/none',
        }),
      ).toEqual({
        status: { code: 1, signal: null },
        stderr: 'cases: invalid configuration: PORT must be a port number 0-65535, got "x"\n',
      });
      expect(await oneLine('gateway/dist/main.js', { DATA_DIR: dataDir, GATEWAY_PORT: '-1' })).toEqual({
        status: { code: 1, signal: null },
        stderr: 'gateway: invalid configuration: GATEWAY_PORT must be a port number 0-65535, got "-1"\n',
      });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
