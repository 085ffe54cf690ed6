import { TREND_CATALOG, type TrendMeasure, type TrendName } from './trend-catalog';
import { trendMeasures } from './trend-measures';

/**
 * The GraphQL selection of trend `name` with `months` and the given measures, in the catalog's
 * order whatever the order given, e.g. `{ months filed overdue }`: what a `@requires` or a query
 * to the owning subgraph asks for.
 */
export function trendSelection<T extends TrendName>(name: T, measures: readonly TrendMeasure<T>[]): string {
  if (!(name in TREND_CATALOG)) throw new Error(`no trend ${name}`);
  return `{ months ${trendMeasures(name)
    .filter((m) => measures.includes(m))
    .join(' ')} }`;
}
