import type { EntityManager } from 'typeorm';
import type { EVENT_SOURCES } from './event-sources';
import type { EventTopic } from './event-topic';
import { insertOutboxRow } from './insert-outbox-row';
import type { NewOutboxEvent } from './outbox-event';

/** The NOTIFY channel that wakes readers of `schema`'s outbox. */
export function outboxChannel(schema: string): string {
  return `sunlight_outbox_${schema}`;
}

/**
 * Writes an event to the caller's outbox inside the caller's transaction (`em` must be
 * transactional). The topic decides the payload's type and the outbox (`schema`) it may be
 * written to ({@link EVENT_SOURCES}). The outbox's own trigger (`OutboxNotify1765000000000`)
 * queues a NOTIFY on {@link outboxChannel} that Postgres delivers only if that transaction
 * commits. Its payload is the event's unit code (or empty): it only wakes readers and tells
 * caches which scope changed; the outbox row is the truth.
 */
export function publishEvent<T extends EventTopic>(
  em: EntityManager,
  schema: (typeof EVENT_SOURCES)[T],
  event: NewOutboxEvent<T>,
): Promise<string> {
  return insertOutboxRow(em, schema, event);
}
