import type { EventPayloads } from './event-payloads';

/** An outbox topic: one of the keys of {@link EventPayloads}. */
export type EventTopic = keyof EventPayloads;
