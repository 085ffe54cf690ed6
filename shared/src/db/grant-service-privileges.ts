import type { Client } from 'pg';
import type { SubgraphName } from '../service/subgraph-directory';
import { databaseRoleName, OUTBOX_READERS } from './service-roles';

/**
 * Gives `schema`'s service role exactly what it needs on its own schema, as the schema's owner,
 * in one transaction (so a request never sees a half-granted schema):
 * - USAGE on the schema (never CREATE): it cannot add, alter or drop tables, nor their triggers;
 * - SELECT, INSERT, UPDATE, DELETE on its tables (never TRUNCATE, REFERENCES or TRIGGER);
 * - only SELECT and INSERT on append-only tables, those guarded by a `refuse_change` trigger
 *   (the traces, attachments): the trigger and the missing grant refuse a change twice;
 * - USAGE and SELECT on its sequences (bigserial ids); nothing on the owner's `migrations` log;
 * - and, for each service that reads this schema's outbox ({@link OUTBOX_READERS}), USAGE on the
 *   schema and SELECT on `outbox` alone.
 * Everything granted before is revoked first, so a privilege added by hand does not survive a start.
 * Run after the schema's migrations, by every start (a new table gets its grants then).
 */
export async function grantServicePrivileges(client: Client, schema: SubgraphName): Promise<void> {
  const role = `"${databaseRoleName(schema)}"`;
  const s = `"${schema}"`;
  const readers = Object.entries(OUTBOX_READERS)
    .filter(([, sources]) => sources.includes(schema))
    .map(([reader]) => `"${databaseRoleName(reader as SubgraphName)}"`);
  const appendOnly = await client.query<{ name: string }>(
    `SELECT DISTINCT c.relname AS name
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE c.relnamespace = $1::regnamespace AND p.proname = 'refuse_change' AND NOT t.tgisinternal`,
    [schema],
  );
  await client.query('BEGIN');
  try {
    for (const grantee of [role, ...readers]) {
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${grantee}`);
      await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${grantee}`);
      await client.query(`REVOKE ALL ON SCHEMA ${s} FROM ${grantee}`);
      await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${grantee}`);
    }
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${role}`);
    for (const { name } of appendOnly.rows) await client.query(`REVOKE UPDATE, DELETE ON ${s}."${name}" FROM ${role}`);
    // The migration log is the owner's: the service neither reads nor writes it.
    await client.query(`REVOKE ALL ON ${s}.migrations FROM ${role}`);
    for (const reader of readers) await client.query(`GRANT SELECT ON ${s}.outbox TO ${reader}`);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
