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
export const localMonth = (timestamptz: string) => `date_trunc('month', ${timestamptz} AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The statements of a migration that keep a monthly rollup of `source` in step with it, inside
 * the service's own schema: the table; a row trigger that, in the same transaction as the
 * change, subtracts the old row's contribution and adds the new one (a rolled-back change
 * leaves the rollup as it was); and `rebuild_<table>()`, which recomputes the whole rollup from
 * the source (for bulk loads that bypass triggers, and to repair). Statistics then read a few
 * thousand rollup rows instead of millions of source rows.
 */
export function monthRollupSql(spec: MonthRollupSpec): string[] {
  sqlIdentifier(spec.table, 'rollup table');
  sqlIdentifier(spec.source, 'rollup source');
  const names = Object.keys(spec.measures);
  names.forEach((n) => sqlIdentifier(n, 'rollup measure'));
  spec.watch.forEach((c) => sqlIdentifier(c, 'watched column'));
  const on = (row: 'OLD' | 'NEW', expr: string) => expr.replace(/\bR\./g, `${row}.`);
  const upsert = (row: 'OLD' | 'NEW', sign: '' | '-') => `
      INSERT INTO ${spec.table} AS t (unit_code, month, ${names.join(', ')})
      VALUES (${on(row, spec.unit)}, ${on(row, spec.month)}, ${names.map((n) => `${sign}(${on(row, spec.measures[n]!)})`).join(', ')})
      ON CONFLICT (unit_code, month) DO UPDATE SET ${names.map((n) => `${n} = t.${n} + EXCLUDED.${n}`).join(', ')};`;
  const changed = spec.watch.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');
  const base = spec.source.replace(/"/g, '');
  return [
    `CREATE TABLE ${spec.table} (
        unit_code char(12) NOT NULL,
        month date NOT NULL,
        ${names.map((n) => `${n} int NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (unit_code, month)
      )`,
    `CREATE INDEX ${spec.table}_month ON ${spec.table} (month, unit_code)`,
    `CREATE FUNCTION ${spec.table}_apply() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN ${upsert('OLD', '-')}
        END IF;
        IF TG_OP <> 'DELETE' THEN ${upsert('NEW', '')}
        END IF;
        RETURN NULL;
      END $$`,
    `CREATE TRIGGER ${base}_rollup_insert_delete AFTER INSERT OR DELETE ON ${spec.source} FOR EACH ROW EXECUTE FUNCTION ${spec.table}_apply()`,
    `CREATE TRIGGER ${base}_rollup_update AFTER UPDATE OF ${spec.watch.join(', ')} ON ${spec.source} FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION ${spec.table}_apply()`,
    `CREATE FUNCTION rebuild_${spec.table}() RETURNS void LANGUAGE sql SET search_path FROM CURRENT AS $$
      DELETE FROM ${spec.table};
      INSERT INTO ${spec.table} (unit_code, month, ${names.join(', ')})
      SELECT ${spec.unit}, ${spec.month}, ${names.map((n) => `sum(${spec.measures[n]})::int`).join(', ')}
        FROM ${spec.source} R GROUP BY 1, 2;
    $$`,
    `SELECT rebuild_${spec.table}()`,
  ];
}

/** The statements that undo `monthRollupSql` (a migration's `down`). */
export function dropMonthRollupSql(spec: Pick<MonthRollupSpec, 'table' | 'source'>): string[] {
  const base = spec.source.replace(/"/g, '');
  return [
    `DROP TRIGGER ${base}_rollup_update ON ${spec.source}`,
    `DROP TRIGGER ${base}_rollup_insert_delete ON ${spec.source}`,
    `DROP FUNCTION rebuild_${spec.table}()`,
    `DROP FUNCTION ${spec.table}_apply()`,
    `DROP TABLE ${spec.table}`,
  ];
}
