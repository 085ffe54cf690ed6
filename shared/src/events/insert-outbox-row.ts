import type { EntityManager } from 'typeorm';

/**
 * Appends a row to `schema`'s outbox in the caller's transaction, whatever its topic. The
 * platform's own write, beneath `publishEvent` (which services use: it checks the topic, the
 * payload and the outbox against the event contracts); not exported from the package.
 */
export async function insertOutboxRow(
  em: EntityManager,
  schema: string,
  row: { topic: string; unitCode?: string | null; aggregateId: string; payload: object },
): Promise<string> {
  const rows: { id: string }[] = await em.query(
    `INSERT INTO "${schema}".outbox (topic, unit_code, aggregate_id, payload) VALUES ($1, $2, $3, $4) RETURNING id`,
    [row.topic, row.unitCode ?? null, row.aggregateId, JSON.stringify(row.payload)],
  );
  return rows[0]!.id;
}
