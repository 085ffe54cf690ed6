import { TREND_CATALOG, type TrendMeasure, type TrendName } from './trend-catalog';

/** The measures of trend `name`, in the catalog's (and the GraphQL type's) order. */
export function trendMeasures<T extends TrendName>(name: T): readonly TrendMeasure<T>[] {
  return Object.keys(TREND_CATALOG[name].measures) as TrendMeasure<T>[];
}
