import DataLoader from 'dataloader';
import type { Tier } from '../auth/tier';
import { monthOrdinal } from './month-ordinal';
import type { RollupTrends, Trend } from './rollup-trends';
import type { SubtreeStore } from './subtree-store';
import { trendWindow } from './trend-window';

/**
 * A request's trends of `measures` over the trailing window (`trendWindow(now())`), answered
 * from `store`'s subtree sums: the same numbers as `rollupTrends` reading the table, at a map
 * lookup per unit and month. Create it once per request (its loader caches for the request).
 */
export function subtreeTrends<S extends string, M extends S>(
  store: SubtreeStore<S>,
  measures: readonly M[],
  now: () => Date,
): RollupTrends<M> {
  const slots = measures.map((m) => {
    const i = store.measures.indexOf(m);
    if (i < 0) throw new Error(`the store of ${store.measures.join(', ')} has no measure ${m}`);
    return i;
  });
  const window = () => {
    const w = trendWindow(now());
    return { months: w.months, ordinals: w.months.map((m) => monthOrdinal.of(m)) };
  };
  const trend = (months: string[], at: (i: number) => Float64Array | undefined): Trend<M> => {
    const monthly = months.map((_, i) => at(i));
    const values = {} as Record<M, number[]>;
    measures.forEach((m, k) => (values[m] = monthly.map((s) => s?.[slots[k]!] ?? 0)));
    return { months, values };
  };

  const forUnits = new DataLoader<string, Trend<M>>(async (codes) => {
    const sums = await store.current();
    const w = window();
    return codes.map((code) => trend(w.months, (i) => sums.at(code, w.ordinals[i]!)));
  });

  const forTier = async (tier: Tier, cityPrefix: string) => {
    const sums = await store.current();
    const w = window();
    const first = w.ordinals[0]!;
    return sums
      .unitsOfTier(tier, cityPrefix, first, first + w.months.length)
      .map(({ code }) => ({ code, trend: trend(w.months, (i) => sums.at(code, w.ordinals[i]!)) }));
  };

  return { forUnits, forTier };
}
