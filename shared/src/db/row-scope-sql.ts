import { SCOPE_SETTINGS } from './scoped-pg';
import { sqlIdentifier } from './sql-identifier';

/**
 * The row-level condition on a 12-digit `column`: inside the bounds the connection's checkout set
 * (`scopedPg`). A missing setting (NULL) or an empty one matches no row. The bounds are
 * `current_setting`, a stable function, cast to the column's type, so the planner keeps the
 * column's btree index and scans only the range.
 */
export function rowScopeCondition(column = 'unit_code'): string {
  sqlIdentifier(column, 'scoped column');
  return `${column} BETWEEN current_setting('${SCOPE_SETTINGS.low}', true)::bpchar AND current_setting('${SCOPE_SETTINGS.high}', true)::bpchar`;
}

/**
 * The statements that put `table` under row-level security keyed by the caller's scope: enabled
 * and forced (the owner obeys it too; only a superuser, never a service role, passes), with one
 * policy `<table>_scope` for every command, reading and writing alike. A row is in scope when any
 * of `columns` is (a complaint: its handler's unit or the accused unit). Run them from a
 * migration's `up`, after the table exists; {@link rowScopeDownSql} undoes them.
 * @throws TypeError when `table` or a column is not a lower-case identifier (optionally double-quoted).
 */
export function rowScopeSql(table: string, columns: string | readonly string[] = 'unit_code'): string[] {
  sqlIdentifier(table, 'scoped table');
  const condition = (typeof columns === 'string' ? [columns] : columns)
    .map((c) => `(${rowScopeCondition(c)})`)
    .join(' OR ');
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY ${policyName(table)} ON ${table} USING (${condition}) WITH CHECK (${condition})`,
  ];
}

/** Undoes {@link rowScopeSql}. */
export function rowScopeDownSql(table: string): string[] {
  sqlIdentifier(table, 'scoped table');
  return [
    `DROP POLICY ${policyName(table)} ON ${table}`,
    `ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`,
  ];
}

function policyName(table: string): string {
  return table.startsWith('"') ? `"${table.slice(1, -1)}_scope"` : `${table}_scope`;
}
