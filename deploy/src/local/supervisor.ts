import path from 'node:path';
import type { EmbeddedPostgresHandle, Logger } from '@sunlight/shared';
import { SupervisedService, type ServiceSpec } from './supervised-service';

/** What the supervisor runs: the subgraphs (started together), then the gateways, over one database. */
export interface SupervisedStack {
  /** Every subgraph process (`npm run start:cluster`: each replica of each subgraph). */
  subgraphs: ServiceSpec[];
  /** One gateway (`npm start`), or its replicas behind a balancer (`npm run start:cluster`). */
  gateways: ServiceSpec[];
  /** The embedded server, stopped last; undefined with DATABASE_URL. */
  postgres?: EmbeddedPostgresHandle;
  logger: Logger;
  graceMs: number;
  startTimeoutMs: number;
}

/**
 * Starts the stack and keeps it running until {@link shutdown}. Invariants:
 * - a service that crashes after start-up is restarted with backoff and named in the log
 *   ({@link SupervisedService}); the others keep serving meanwhile;
 * - shutdown runs once and in order: the gateways drain and stop (no new requests reach the
 *   subgraphs), then the subgraphs drain and stop, then PostgreSQL stops; each step waits for
 *   the processes' real end, never for an event that already fired;
 * - past the hard deadline (three graces and 5 s) every process left is killed and the launcher
 *   exits with status 1: it never hangs.
 */
export class Supervisor {
  private readonly subgraphs: SupervisedService[];
  private readonly gateways: SupervisedService[];
  private stopping: Promise<void> | undefined;

  constructor(private readonly stack: SupervisedStack) {
    const settings = { logger: stack.logger, graceMs: stack.graceMs, startTimeoutMs: stack.startTimeoutMs };
    this.subgraphs = stack.subgraphs.map((spec) => new SupervisedService(spec, settings));
    this.gateways = stack.gateways.map((spec) => new SupervisedService(spec, settings));
  }

  /** Whether {@link shutdown} has begun. */
  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Starts every subgraph, then the gateways; rejects (naming the service) when one fails to start. */
  async start(): Promise<void> {
    await Promise.all(this.subgraphs.map((s) => (this.isStopping ? undefined : s.start())));
    await Promise.all(this.gateways.map((g) => (this.isStopping ? undefined : g.start())));
  }

  /** Stops everything in order (see the class invariants), then exits the process with `code`. */
  shutdown(code: number, exit: (code: number) => never = process.exit): Promise<void> {
    this.stopping ??= this.stopAll().then(
      () => exit(code),
      (e: unknown) => {
        this.stack.logger.error('shutdown failed', { error: e instanceof Error ? e.message : String(e) });
        exit(1);
      },
    );
    return this.stopping;
  }

  /** Kills every process at once (a second Ctrl-C, or the hard deadline). */
  kill(): void {
    for (const s of [...this.gateways, ...this.subgraphs]) s.kill();
  }

  private async stopAll(): Promise<void> {
    const { logger, graceMs } = this.stack;
    const hardMs = 3 * graceMs + 5000;
    logger.info('stopping', { graceMs, hardMs });
    const deadline = setTimeout(() => {
      logger.error('shutdown passed its deadline; killing what is left', { hardMs });
      this.kill();
      process.exit(1); // the embedded server gets its stop request from the library's exit hook
    }, hardMs);
    deadline.unref();
    await Promise.all(this.gateways.map((g) => g.stop()));
    await Promise.all(this.subgraphs.map((s) => s.stop()));
    if (this.stack.postgres) {
      await this.stack.postgres.stop(graceMs);
      logger.info('embedded PostgreSQL stopped');
    }
    clearTimeout(deadline);
  }
}

/** The Node arguments of a launched process: its heap cap, then its entry point under `root`. */
export function nodeArgs(root: string, heapMb: number, main: string): string[] {
  // Each process's V8 old space is capped so that it collects before it grows past its memory budget.
  return [`--max-old-space-size=${heapMb}`, path.join(root, main)];
}
