import type { OutboxHandler } from './outbox-reader';

/**
 * Reads one source's events for one consumer, at least once and in the source's commit order:
 * from the source's outbox in the same database ({@link OutboxReader}), or from the event stream
 * ({@link StreamSourceReader}) when the source lives in another database.
 */
export interface EventReader {
  /** Handles what is readable now (one batch); returns how many events were handled. */
  pollOnce(handler: OutboxHandler): Promise<number>;
  /** Are there events this consumer has not handled yet (readable or not)? */
  pending(): Promise<boolean>;
  stop(): Promise<void>;
}
