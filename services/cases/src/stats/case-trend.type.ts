import { trendMeasures, trendObjectTypes, type TrendLists, type TrendMeasure } from '@sunlight/shared';

/** The measures of the monthly case rollup that `CaseTrend` lists, as the trend catalog declares them. */
export const CASE_MEASURES = trendMeasures('caseTrend');
export type CaseMeasure = TrendMeasure<'caseTrend'>;

const types = trendObjectTypes('caseTrend');

/** Monthly case measures of a unit's subtree over the last 12 months (see the trend catalog). */
export const CaseTrend = types.Trend;
export type CaseTrend = TrendLists<'caseTrend'>;

/** For Sunlight services: the case trend of one unit of a tier. */
export const UnitCaseTrend = types.Row;
export type UnitCaseTrend = InstanceType<typeof types.Row>;
