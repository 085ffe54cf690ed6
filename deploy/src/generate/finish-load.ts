import type { Client } from 'pg';

/**
 * What a bulk load skipped, done once at the end on a normal connection (triggers on): numbering
 * continues after the loaded alerts; the rollups the services keep with triggers (quiet during the
 * load) are rebuilt by every argument-less `rebuild_*` function a service schema defines
 * (`cases.rebuild_case_month_stat()`, `alerts.rebuild_alert_month_stat()`…); and every service
 * schema is vacuumed and analysed so the planner and index-only scans work.
 */
export async function finishLoad(
  client: Client,
  o: { lastAlertSeq: number; schemas: readonly string[]; log: (m: string) => void },
): Promise<void> {
  await client.query(`SELECT setval(pg_get_serial_sequence('alerts.alert', 'seq'), $1, $2)`, [
    Math.max(1, o.lastAlertSeq),
    o.lastAlertSeq > 0,
  ]);
  const { rows: rebuilds } = await client.query<{ fn: string }>(
    `SELECT format('%I.%I', n.nspname, p.proname) AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = ANY($1::text[]) AND p.proname LIKE 'rebuild\\_%' AND p.pronargs = 0 AND p.prokind = 'f' ORDER BY 1`,
    [o.schemas],
  );
  for (const { fn } of rebuilds) {
    const started = Date.now();
    await client.query(`SELECT ${fn}()`);
    o.log(`rebuilt ${fn} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = ANY($1::text[]) ORDER BY schemaname, tablename`,
    [o.schemas],
  );
  const started = Date.now();
  for (const t of tables) await client.query(`VACUUM (ANALYZE) ${t.name}`);
  o.log(`vacuumed and analysed ${tables.length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Rows of every table of the schemas, `schema.table` → count. */
export async function countRows(client: Client, schemas: readonly string[]): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ schema: string; table: string }>(
    'SELECT schemaname AS schema, tablename AS table FROM pg_tables WHERE schemaname = ANY($1::text[]) ORDER BY schemaname, tablename',
    [schemas],
  );
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${t.schema}"."${t.table}"`);
    counts[`${t.schema}.${t.table}`] = Number(rows[0]!.n);
  }
  return counts;
}
