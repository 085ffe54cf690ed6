import type { DataSource } from 'typeorm';
import { sqlIdentifier } from '../db/sql-identifier';

/** A small city's units, every tier, with units of each tier that have rows of their own. */
export const ROLLUP_TEST_UNITS = [
  '139900000000',
  '139901000000',
  '139901001000',
  '139901001001',
  '139901001002',
  '139901002000',
  '139901002003',
  '139902000000',
  '139902003000',
  '139902003004',
  '139902003005',
  '139902004006',
] as const;

/**
 * Fills a monthly rollup table straight (no source rows) with deterministic, uneven counts for
 * `ROLLUP_TEST_UNITS` over the months [first, end) (`YYYY-MM-01`), leaving some unit-months out,
 * so that tests can compare what reads of the rollup answer. `measures` are the columns to fill.
 */
export async function seedMonthRollup(
  ds: DataSource,
  table: string,
  measures: readonly string[],
  first: string,
  end: string,
): Promise<void> {
  sqlIdentifier(table, 'rollup table');
  measures.forEach((m) => sqlIdentifier(m, 'rollup measure'));
  await ds.query(
    `INSERT INTO ${table} (unit_code, month, ${measures.join(', ')})
     SELECT u, m::date, ${measures.map((_, i) => `(k * 7 + extract(month FROM m)::int * ${i + 3}) % ${11 + i * 4}`).join(', ')}
       FROM unnest($1::text[]) WITH ORDINALITY AS t(u, k), generate_series($2::date, $3::date - 1, interval '1 month') AS m
      WHERE (k + extract(month FROM m)::int) % 5 <> 0`,
    [ROLLUP_TEST_UNITS, first, end],
  );
}
