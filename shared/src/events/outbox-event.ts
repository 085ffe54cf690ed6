import type { EventPayloads } from './event-payloads';
import type { EventTopic } from './event-topic';

/**
 * An event as read from a service's outbox: a union over the topics `T` (by default every
 * topic), so that checking `topic` narrows `payload` to that topic's {@link EventPayloads}.
 */
export type OutboxEvent<T extends EventTopic = EventTopic> = {
  [K in T]: {
    /** Unique within the source service; consumers dedupe by (source, id). */
    id: string;
    /** The writing transaction's id; with `id`, the read order. */
    txid: string;
    topic: K;
    /** The unit the event concerns, for scope filtering downstream. */
    unitCode: string | null;
    aggregateId: string;
    payload: EventPayloads[K];
    createdAt: Date;
  };
}[T];

/** What a publisher provides: a topic and the payload its contract asks for. */
export interface NewOutboxEvent<T extends EventTopic> {
  topic: T;
  unitCode?: string | null;
  aggregateId: string;
  payload: EventPayloads[T];
}
