/**
 * Runs a `SELECT count(*) …` (any query whose first row has a `count` column) and returns that
 * count as a number: PostgreSQL hands `bigint` counts back as strings.
 */
export async function countRows(
  db: { query(sql: string, params?: unknown[]): Promise<unknown> },
  sql: string,
  params: unknown[] = [],
): Promise<number> {
  const rows = (await db.query(sql, params)) as { count: string | number }[];
  return Number(rows[0]?.count);
}
