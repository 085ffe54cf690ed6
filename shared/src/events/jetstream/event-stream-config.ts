/**
 * Where committed outbox events travel between databases: one JetStream stream whose subjects are
 * `<subjectPrefix>.<source>.<topic>` (a topic's own dot makes two tokens: `…cases.case.card_raised`).
 */
export interface EventStreamConfig {
  /** The stream's name (`NATS_STREAM`, default `SUNLIGHT_EVENTS`). */
  name: string;
  /** The subjects' first tokens (`NATS_SUBJECT_PREFIX`, default `sunlight.events`). */
  subjectPrefix: string;
  /**
   * How long JetStream remembers a message id to drop a republished event (its duplicate window).
   * A relay that crashed after publishing and before its cursor advanced republishes within seconds.
   */
  duplicateWindowMs: number;
  /** How long events stay in the stream: a consumer stopped longer than this misses events. */
  maxAgeMs: number;
  /** Copies of the stream on a NATS cluster (1 on a single server). */
  replicas: number;
}

/** The stream Sunlight uses unless told otherwise. */
export const DEFAULT_EVENT_STREAM: EventStreamConfig = {
  name: 'SUNLIGHT_EVENTS',
  subjectPrefix: 'sunlight.events',
  duplicateWindowMs: 10 * 60_000,
  maxAgeMs: 7 * 24 * 3600_000,
  replicas: 1,
};
