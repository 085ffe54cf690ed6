import { sqlIdentifier } from '../db/sql-identifier';

// The same function the cases migration created; OR REPLACE so that several tables can share it.
const REFUSE_CHANGE = `
      CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`;

/**
 * The statements that make `table` append-only in the current search path (a service's own
 * schema, inside its migration): `refuse_change()` (created or replaced), a row trigger
 * `<table>_append_only` refusing UPDATE and DELETE, a statement trigger `<table>_no_truncate`
 * refusing TRUNCATE (both raise `insufficient_privilege`), and `REVOKE UPDATE, DELETE, TRUNCATE`
 * from PUBLIC. Run them in order from `up`, after the table exists; `down` drops the table, then
 * `DROP FUNCTION refuse_change()` once the last append-only table is gone.
 * @throws TypeError when `table` is not a lower-case identifier (optionally double-quoted).
 */
export function appendOnlySql(table: string): string[] {
  sqlIdentifier(table, 'append-only table');
  const quoted = table.startsWith('"');
  const trigger = (suffix: string) => (quoted ? `"${table.slice(1, -1)}_${suffix}"` : `${table}_${suffix}`);
  return [
    REFUSE_CHANGE,
    `CREATE TRIGGER ${trigger('append_only')} BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    `CREATE TRIGGER ${trigger('no_truncate')} BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC`,
  ];
}
