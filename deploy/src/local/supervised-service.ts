import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from '@sunlight/shared';
import { describeExit, hasExited, terminate, type ExitStatus } from './child-exit';
import { RestartBackoff } from './restart-backoff';
import { waitForHealth } from './service-health';

/** One process the launcher runs. */
export interface ServiceSpec {
  /** The name every log line about it carries: a subgraph's name, or `gateway`. */
  name: string;
  /** Node's arguments (flags and the entry point). */
  args: string[];
  env: NodeJS.ProcessEnv;
  healthUrl: string;
  /** Whether a health answer with this status means it is up. */
  up(status: number): boolean;
}

export interface SupervisionSettings {
  logger: Logger;
  /** How long a stopping process may drain before it gets SIGKILL. */
  graceMs: number;
  /** How long a (re)started process may take to answer its health check. */
  startTimeoutMs: number;
  backoff?: RestartBackoff;
}

/**
 * Runs one service and keeps it running. Invariants:
 * - a crash after the first healthy start is logged with the service's name and how it ended, and
 *   the service is started again after a backoff (1 s doubling to 30 s, reset after a minute up);
 *   a restart that does not become healthy is ended and counts as another crash;
 * - a crash during the first start is not retried: {@link start} rejects, naming the service;
 * - after {@link stop} nothing restarts it; stop waits for the process's real end (SIGTERM, then
 *   SIGKILL after the grace), whether it ended by a status or a signal.
 */
export class SupervisedService {
  private child: ChildProcess | undefined;
  private supervising = false;
  private stopping = false;
  private healthySince: number | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly backoff: RestartBackoff;
  /** How many times it was restarted after a crash. */
  restarts = 0;

  constructor(
    readonly spec: ServiceSpec,
    private readonly settings: SupervisionSettings,
  ) {
    this.backoff = settings.backoff ?? new RestartBackoff();
  }

  /** The running process's id, if one runs. */
  get pid(): number | undefined {
    return this.child && !hasExited(this.child) ? this.child.pid : undefined;
  }

  /** Starts the process and resolves once it is healthy; from then on it is restarted when it crashes. */
  async start(): Promise<void> {
    const child = this.spawn();
    await waitForHealth(this.spec.name, this.spec.healthUrl, child, this.spec.up, this.settings.startTimeoutMs);
    this.healthySince = Date.now();
    this.supervising = true;
  }

  /** Stops supervising and ends the process gracefully; resolves with how it ended (undefined: none ran). */
  async stop(): Promise<ExitStatus | undefined> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || hasExited(child)) return undefined;
    const started = Date.now();
    const status = await terminate(child, this.settings.graceMs);
    this.settings.logger.info('service stopped', {
      name: this.spec.name,
      pid: child.pid,
      code: status.code,
      signal: status.signal,
      ms: Date.now() - started,
    });
    return status;
  }

  /** Ends the process at once (the launcher's last resort). */
  kill(): void {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    if (this.child && !hasExited(this.child)) this.child.kill('SIGKILL');
  }

  private spawn(): ChildProcess {
    // The IPC channel closes when the launcher dies, even by SIGKILL: the service then stops too.
    const child = spawn(process.execPath, this.spec.args, {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: this.spec.env,
    });
    this.child = child;
    this.healthySince = undefined;
    this.settings.logger.info('service started', { name: this.spec.name, pid: child.pid });
    child.once('exit', (code, signal) => this.exited(child, { code, signal }));
    return child;
  }

  private exited(child: ChildProcess, status: ExitStatus): void {
    if (this.stopping || !this.supervising || child !== this.child) return;
    const upMs = this.healthySince === undefined ? 0 : Date.now() - this.healthySince;
    const delayMs = this.backoff.next(upMs);
    this.settings.logger.error('service exited; restarting', {
      name: this.spec.name,
      pid: child.pid,
      how: describeExit(status),
      code: status.code,
      signal: status.signal,
      upMs,
      restartInMs: delayMs,
    });
    this.restartTimer = setTimeout(() => void this.restart(), delayMs);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    this.restarts += 1;
    const child = this.spawn();
    try {
      await waitForHealth(this.spec.name, this.spec.healthUrl, child, this.spec.up, this.settings.startTimeoutMs);
      this.healthySince = Date.now();
      this.settings.logger.info('service restarted', {
        name: this.spec.name,
        pid: child.pid,
        restarts: this.restarts,
      });
    } catch {
      // Ended before it was healthy: its exit handler already scheduled the next try. Still not
      // healthy after the timeout: end it, and its exit schedules the next try.
      if (!hasExited(child) && !this.stopping) child.kill('SIGKILL');
    }
  }
}
