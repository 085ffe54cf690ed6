import type { DataSource } from 'typeorm';
import { Tier } from '../auth/tier';
import { rollupTrends } from '../stats/rollup-trends';
import type { SubtreeStore } from '../stats/subtree-store';
import { subtreeTrends } from '../stats/subtree-trends';
import { ROLLUP_TEST_UNITS } from './seed-month-rollup';

/**
 * The trends of {@link ROLLUP_TEST_UNITS} and of every tier of the test city (the risk index's
 * peers), read twice: from a service's in-memory subtree sums and from its rollup table by SQL.
 * A month-sums spec expects the two to be equal, before and after it writes to the rollup.
 */
export async function trendsBothWays<S extends string, M extends S>(
  ds: DataSource,
  table: string,
  store: SubtreeStore<S>,
  measures: readonly M[],
  now: () => Date,
): Promise<{ fromMemory: unknown[]; bySql: unknown[] }> {
  const bySql = rollupTrends(ds, table, measures, now);
  const fromMemory = subtreeTrends(store, measures, now);
  const sorted = (rows: { code: string }[]) => [...rows].sort((a, b) => a.code.localeCompare(b.code));
  const both = { fromMemory: [] as unknown[], bySql: [] as unknown[] };
  both.fromMemory.push(await fromMemory.forUnits.loadMany([...ROLLUP_TEST_UNITS]));
  both.bySql.push(await bySql.forUnits.loadMany([...ROLLUP_TEST_UNITS]));
  for (const tier of [Tier.CITY, Tier.COUNTY, Tier.TOWNSHIP, Tier.VILLAGE]) {
    both.fromMemory.push(await fromMemory.forTier(tier, '1399'));
    both.bySql.push(sorted(await bySql.forTier(tier, '1399')));
  }
  return both;
}
