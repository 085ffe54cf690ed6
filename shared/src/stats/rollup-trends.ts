import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Tier } from '../auth/tier';
import { unitCode } from '../auth/unit-code';
import { sqlIdentifier } from '../db/sql-identifier';
import { trendWindow } from './trend-window';

/** Monthly measures of one unit's subtree: `values[m][i]` is measure `m` in `months[i]`. */
export interface Trend<M extends string = string> {
  months: string[];
  values: Record<M, number[]>;
}

interface Row {
  code: string;
  month: string;
  [measure: string]: string | number;
}

/**
 * Sums a monthly rollup over the subtrees of `codes` for the months in [from, to) (`YYYY-MM-DD`,
 * first days), per month or in total, in one statement for any number of units: the period's
 * rows are read once, then grouped by the code prefix of each tier asked for (a subtree is every
 * code that starts with its root's prefix; no range join, no collation-dependent comparison).
 * Units without rows are absent from the result.
 */
export async function sumRollup<M extends string>(
  ds: DataSource,
  table: string,
  measures: readonly M[],
  codes: readonly string[],
  from: string,
  to: string,
  byMonth: boolean,
): Promise<Row[]> {
  sqlIdentifier(table, 'rollup table');
  measures.forEach((m) => sqlIdentifier(m, 'rollup measure'));
  const byTier = new Map<Tier, string[]>();
  for (const c of codes)
    byTier.set(unitCode.tierOf(c), [...(byTier.get(unitCode.tierOf(c)) ?? []), unitCode.prefixOf(c)]);
  const params: unknown[] = [from, to];
  const month = byMonth ? "to_char(month, 'YYYY-MM')" : "''";
  const parts = [...byTier].map(([tier, prefixes]) => {
    params.push(prefixes);
    const p = unitCode.prefixLength(tier);
    return `SELECT rpad(left(unit_code, ${p}), 12, '0') AS code, ${month} AS month, ${measures.map((m) => `sum(${m})::int AS ${m}`).join(', ')}
              FROM w WHERE left(unit_code, ${p}) = ANY($${params.length}::text[]) GROUP BY 1, 2`;
  });
  if (parts.length === 0) return [];
  return ds.query(
    `WITH w AS MATERIALIZED (SELECT * FROM ${table} WHERE month >= $1::date AND month < $2::date) ${parts.join(' UNION ALL ')}`,
    params,
  );
}

/**
 * Reads a monthly rollup table (see `monthRollupSql`) as trends over the trailing window
 * (`trendWindow(now())`). `forUnits` batches any number of units into one statement; `forTier`
 * returns every unit of a tier in a city that has rows, in one statement, for peer comparison.
 */
export function rollupTrends<M extends string>(
  ds: DataSource,
  table: string,
  measures: readonly M[],
  now: () => Date,
): RollupTrends<M> {
  sqlIdentifier(table, 'rollup table');
  measures.forEach((m) => sqlIdentifier(m, 'rollup measure'));
  const sums = measures.map((m) => `sum(s.${m})::int AS ${m}`).join(', ');

  const toTrends = (rows: Row[], months: string[]) => {
    const index = new Map(months.map((m, i) => [m, i]));
    const out = new Map<string, Trend<M>>();
    for (const r of rows) {
      let t = out.get(r.code);
      if (!t) {
        t = {
          months,
          values: Object.fromEntries(measures.map((m) => [m, months.map(() => 0)])) as Record<M, number[]>,
        };
        out.set(r.code, t);
      }
      const i = index.get(r.month);
      if (i === undefined) continue;
      for (const m of measures) t.values[m][i] = Number(r[m]);
    }
    return out;
  };
  const empty = (months: string[]): Trend<M> => ({
    months,
    values: Object.fromEntries(measures.map((m) => [m, months.map(() => 0)])) as Record<M, number[]>,
  });

  const forUnits = new DataLoader<string, Trend<M>>(async (codes) => {
    const w = trendWindow(now());
    const found = toTrends(await sumRollup<M>(ds, table, measures, codes, w.from, w.to, true), w.months);
    return codes.map((c) => found.get(c) ?? empty(w.months));
  });

  /** Every unit of `tier` in the city `cityPrefix` (4 digits) with rows in the window. */
  const forTier = async (tier: Tier, cityPrefix: string): Promise<{ code: string; trend: Trend<M> }[]> => {
    const w = trendWindow(now());
    const p = unitCode.prefixLength(tier);
    const rows: Row[] = await ds.query(
      `SELECT rpad(left(s.unit_code, ${p}), 12, '0') AS code, to_char(s.month, 'YYYY-MM') AS month, ${sums}
         FROM ${table} s
        WHERE s.month >= $1::date AND s.month < $2::date AND left(s.unit_code, 4) = $3 AND ${unitCode.withinTierSql(tier, 's.unit_code')}
        GROUP BY 1, 2`,
      [w.from, w.to, cityPrefix],
    );
    return [...toTrends(rows, w.months)].map(([code, trend]) => ({ code, trend }));
  };

  return { forUnits, forTier };
}

/**
 * A request's reader of a monthly rollup as trends, by SQL (`rollupTrends`) or from memory
 * (`subtreeTrends`): `forUnits` batches any number of units; `forTier` lists every unit of a tier
 * in a city (4-digit prefix) with rows in the window, for peer comparison.
 */
export interface RollupTrends<M extends string> {
  forUnits: DataLoader<string, Trend<M>>;
  forTier(tier: Tier, cityPrefix: string): Promise<{ code: string; trend: Trend<M> }[]>;
}
