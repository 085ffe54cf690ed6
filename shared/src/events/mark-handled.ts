import type { EntityManager } from 'typeorm';

/**
 * Records that `consumer` handled event `eventId` from `source`, in the consumer's transaction.
 * Returns false when it was already handled, so at-least-once delivery becomes exactly-once effect.
 */
export async function markHandled(
  em: EntityManager,
  consumer: string,
  source: string,
  eventId: string,
): Promise<boolean> {
  const rows: unknown[] = await em.query(
    'INSERT INTO inbox (consumer, source, event_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
    [consumer, source, eventId],
  );
  return rows.length === 1;
}
