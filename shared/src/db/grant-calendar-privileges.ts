import type { Client } from 'pg';
import type { SubgraphName } from '../service/subgraph-directory';
import { CALENDAR_LOCK } from '../calendar/calendar-schema-sql';
import { CALENDAR_LOADERS, CALENDAR_READERS, databaseRoleName } from './service-roles';

const LOAD_NOTICE = 'calendar.load_notice(int, text, text, jsonb, text, text, text)';

/**
 * Gives `service`'s role what it may do on the shared working calendar, as its owner, in one
 * transaction: USAGE on the `calendar` schema and SELECT on its tables for a reader
 * ({@link CALENDAR_READERS}), plus EXECUTE on `calendar.load_notice` for a loader
 * ({@link CALENDAR_LOADERS}); never INSERT, UPDATE or DELETE, so the calendar changes only through
 * that function (SECURITY DEFINER), which validates, traces and announces each load. Everything
 * granted before is revoked first. Does nothing for another service, or before the calendar
 * exists (a service migrates it before this runs).
 */
export async function grantCalendarPrivileges(client: Client, service: SubgraphName): Promise<void> {
  if (!CALENDAR_READERS.includes(service)) return;
  const { rows } = await client.query<{ found: boolean }>('SELECT to_regprocedure($1) IS NOT NULL AS found', [
    LOAD_NOTICE,
  ]);
  if (!rows[0]?.found) return;
  const role = `"${databaseRoleName(service)}"`;
  await client.query('BEGIN');
  try {
    // cases and complaints start together: two GRANTs on one table at once fail ("tuple concurrently updated").
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CALENDAR_LOCK]);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA calendar FROM ${role}`);
    await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA calendar FROM ${role}`);
    await client.query(`REVOKE ALL ON FUNCTION ${LOAD_NOTICE} FROM ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA calendar TO ${role}`);
    await client.query(`GRANT SELECT ON calendar.day, calendar.notice, calendar.load TO ${role}`);
    if (CALENDAR_LOADERS.includes(service)) await client.query(`GRANT EXECUTE ON FUNCTION ${LOAD_NOTICE} TO ${role}`);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
