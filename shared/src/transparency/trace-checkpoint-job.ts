import type { Logger } from '../logging/logger';
import { CheckpointRefusedError, type TraceCheckpointLog } from './trace-checkpoint-log';

/**
 * Publishes a log's checkpoint every `intervalMs` (runs never overlap; a run that finds no moved
 * head publishes nothing). A refusal is logged as an error naming the chains at fault, and the
 * previous checkpoint stays the latest, so verification keeps reporting the tampering.
 */
export class TraceCheckpointJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly log: TraceCheckpointLog,
    private readonly logger: Logger,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.runOnce());
    }, intervalMs);
    this.timer.unref();
  }

  /** One run; never throws (failures are logged). Returns the published checkpoint's id, if any. */
  async runOnce(): Promise<number | null> {
    try {
      const published = await this.log.publish();
      if (published)
        this.logger.info('trace checkpoint published', {
          id: published.id,
          size: published.size,
          root: published.rootHash,
        });
      return published?.id ?? null;
    } catch (e) {
      if (e instanceof CheckpointRefusedError)
        this.logger.error('trace checkpoint refused', { reason: e.reason, owners: e.owners.slice(0, 50) });
      else this.logger.error('trace checkpoint failed', { error: e instanceof Error ? e.message : String(e) });
      return null;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
