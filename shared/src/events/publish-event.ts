import type { EntityManager } from 'typeorm';
import type { NewOutboxEvent } from './outbox-event';

/** The NOTIFY channel that wakes readers of `schema`'s outbox. */
export function outboxChannel(schema: string): string {
  return `sunlight_outbox_${schema}`;
}

/**
 * Writes an event to the caller's outbox inside the caller's transaction (`em` must be
 * transactional). The outbox's own trigger (`OutboxNotify1765000000000`) queues a NOTIFY on
 * {@link outboxChannel} that Postgres delivers only if that transaction commits. Its payload is
 * the event's unit code (or empty): it only wakes readers and tells caches which scope changed;
 * the outbox row is the truth.
 */
export async function publishEvent(em: EntityManager, schema: string, event: NewOutboxEvent): Promise<string> {
  const rows: { id: string }[] = await em.query(
    `INSERT INTO "${schema}".outbox (topic, unit_code, aggregate_id, payload) VALUES ($1, $2, $3, $4) RETURNING id`,
    [event.topic, event.unitCode ?? null, event.aggregateId, JSON.stringify(event.payload)],
  );
  return rows[0]!.id;
}
