import { sqlIdentifier } from '../db/sql-identifier';

/** A monthly rollup of a service's rows by the unit they belong to: what to count and from where. */
export interface MonthRollupSpec {
  /** The rollup table, e.g. `case_month_stat`: (unit_code, month, one int column per measure). */
  table: string;
  /** The table whose rows are counted, e.g. `"case"`. */
  source: string;
  /** Expression for the unit of a row, written against the row alias `R`, e.g. `R.unit_code`. */
  unit: string;
  /** Expression for the local month (a date, first of the month) of a row, against `R`. */
  month: string;
  /** Each measure: an int expression against `R` (0 or 1 for a count), e.g. `(R.status = 'COMPLETED')::int`. */
  measures: Record<string, string>;
  /** Source columns whose change can change a row's contribution (the UPDATE trigger watches only these). */
  watch: string[];
}

/** The local (China Standard Time) month of a timestamptz expression, as a date. */
export const localMonth = (timestamptz: string) =>
  `date_trunc('month', ${timestamptz} AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The trigger function and `rebuild_<table>()`. Tracked (the current form), a rebuild sets rows
 * whose source rows are gone to zero instead of deleting them, and leaves rows it would not
 * change alone: rows are never deleted, so a reader that re-reads rows by `changed_xid`
 * (`SubtreeStore`) sees every change.
 */
function rollupFunctionsSql(spec: MonthRollupSpec, tracked: boolean): string[] {
  sqlIdentifier(spec.table, 'rollup table');
  sqlIdentifier(spec.source, 'rollup source');
  const names = Object.keys(spec.measures);
  names.forEach((n) => sqlIdentifier(n, 'rollup measure'));
  const on = (row: 'OLD' | 'NEW', expr: string) => expr.replace(/\bR\./g, `${row}.`);
  const upsert = (row: 'OLD' | 'NEW', sign: '' | '-') => `
      INSERT INTO ${spec.table} AS t (unit_code, month, ${names.join(', ')})
      VALUES (${on(row, spec.unit)}, ${on(row, spec.month)}, ${names.map((n) => `${sign}(${on(row, spec.measures[n]!)})`).join(', ')})
      ON CONFLICT (unit_code, month) DO UPDATE SET ${names.map((n) => `${n} = t.${n} + EXCLUDED.${n}`).join(', ')};`;
  const sums = `SELECT ${spec.unit} AS unit_code, ${spec.month} AS month, ${names.map((n) => `sum(${spec.measures[n]})::int AS ${n}`).join(', ')}
        FROM ${spec.source} R GROUP BY 1, 2`;
  const list = (alias: string) => `(${names.map((n) => `${alias}.${n}`).join(', ')})`;
  const rebuild = tracked
    ? `WITH fresh AS MATERIALIZED (${sums}),
           gone AS (
             UPDATE ${spec.table} t SET ${names.map((n) => `${n} = 0`).join(', ')}
              WHERE ${list('t')} IS DISTINCT FROM (${names.map(() => '0').join(', ')})
                AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.unit_code = t.unit_code AND f.month = t.month))
      INSERT INTO ${spec.table} AS t (unit_code, month, ${names.join(', ')})
      SELECT unit_code, month, ${names.join(', ')} FROM fresh
      ON CONFLICT (unit_code, month) DO UPDATE SET ${names.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}
       WHERE ${list('t')} IS DISTINCT FROM ${list('EXCLUDED')};`
    : `DELETE FROM ${spec.table};
      INSERT INTO ${spec.table} (unit_code, month, ${names.join(', ')}) ${sums};`;
  return [
    `CREATE OR REPLACE FUNCTION ${spec.table}_apply() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN ${upsert('OLD', '-')}
        END IF;
        IF TG_OP <> 'DELETE' THEN ${upsert('NEW', '')}
        END IF;
        RETURN NULL;
      END $$`,
    `CREATE OR REPLACE FUNCTION rebuild_${spec.table}() RETURNS void LANGUAGE sql SET search_path FROM CURRENT AS $$
      ${rebuild}
    $$`,
  ];
}

/**
 * Whoever writes a rollup row (its trigger, a rebuild, a repair by hand), the row records the
 * transaction: `changed_xid` is set on every insert and update.
 */
function stampChangesSql(table: string): string[] {
  return [
    `CREATE OR REPLACE FUNCTION ${table}_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.changed_xid := pg_current_xact_id();
        RETURN NEW;
      END $$`,
    `CREATE OR REPLACE TRIGGER ${table}_stamp BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_stamp()`,
  ];
}

/**
 * The statements of a migration that keep a monthly rollup of `source` in step with it, inside
 * the service's own schema: the table; a row trigger that, in the same transaction as the
 * change, subtracts the old row's contribution and adds the new one (a rolled-back change
 * leaves the rollup as it was); and `rebuild_<table>()`, which recomputes the whole rollup from
 * the source (for bulk loads that bypass triggers, and to repair). Statistics then read a few
 * thousand rollup rows instead of millions of source rows. Each row records the transaction
 * that last changed it (`changed_xid`, indexed), so that an in-memory copy can follow the table
 * by re-reading only what changed (see `SubtreeStore`).
 */
export function monthRollupSql(spec: MonthRollupSpec): string[] {
  const names = Object.keys(spec.measures);
  names.forEach((n) => sqlIdentifier(n, 'rollup measure'));
  spec.watch.forEach((c) => sqlIdentifier(c, 'watched column'));
  const changed = spec.watch.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');
  const base = spec.source.replace(/"/g, '');
  const [apply, rebuild] = rollupFunctionsSql(spec, true);
  return [
    `CREATE TABLE ${spec.table} (
        unit_code char(12) NOT NULL,
        month date NOT NULL,
        ${names.map((n) => `${n} int NOT NULL DEFAULT 0`).join(',\n        ')},
        changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        PRIMARY KEY (unit_code, month)
      )`,
    `CREATE INDEX ${spec.table}_month ON ${spec.table} (month, unit_code)`,
    `CREATE INDEX ${spec.table}_changed ON ${spec.table} (changed_xid)`,
    ...stampChangesSql(spec.table),
    apply!,
    `CREATE TRIGGER ${base}_rollup_insert_delete AFTER INSERT OR DELETE ON ${spec.source} FOR EACH ROW EXECUTE FUNCTION ${spec.table}_apply()`,
    `CREATE TRIGGER ${base}_rollup_update AFTER UPDATE OF ${spec.watch.join(', ')} ON ${spec.source} FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION ${spec.table}_apply()`,
    rebuild!,
    `SELECT rebuild_${spec.table}()`,
  ];
}

/**
 * The statements that give a rollup created before change tracking its `changed_xid` column and
 * index and the tracking trigger and rebuild functions. Idempotent: on a rollup `monthRollupSql`
 * created already tracked they change nothing, so the migration that runs them is safe on a
 * fresh database too.
 */
export function trackRollupChangesSql(spec: MonthRollupSpec): string[] {
  return [
    `ALTER TABLE ${spec.table} ADD COLUMN IF NOT EXISTS changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id()`,
    `CREATE INDEX IF NOT EXISTS ${spec.table}_changed ON ${spec.table} (changed_xid)`,
    ...stampChangesSql(spec.table),
    ...rollupFunctionsSql(spec, true),
  ];
}

/** The statements that undo `trackRollupChangesSql` (a migration's `down`). */
export function untrackRollupChangesSql(spec: MonthRollupSpec): string[] {
  return [
    ...rollupFunctionsSql(spec, false),
    `DROP TRIGGER ${spec.table}_stamp ON ${spec.table}`,
    `DROP FUNCTION ${spec.table}_stamp()`,
    `DROP INDEX ${spec.table}_changed`,
    `ALTER TABLE ${spec.table} DROP COLUMN changed_xid`,
  ];
}

/** The statements that undo `monthRollupSql` (a migration's `down`). */
export function dropMonthRollupSql(spec: Pick<MonthRollupSpec, 'table' | 'source'>): string[] {
  const base = spec.source.replace(/"/g, '');
  return [
    `DROP TRIGGER IF EXISTS ${spec.table}_stamp ON ${spec.table}`,
    `DROP FUNCTION IF EXISTS ${spec.table}_stamp()`,
    `DROP TRIGGER ${base}_rollup_update ON ${spec.source}`,
    `DROP TRIGGER ${base}_rollup_insert_delete ON ${spec.source}`,
    `DROP FUNCTION rebuild_${spec.table}()`,
    `DROP FUNCTION ${spec.table}_apply()`,
    `DROP TABLE ${spec.table}`,
  ];
}
