import { trendObjectTypes, type TrendLists } from '@sunlight/shared';

/** The measures of the monthly rating rollup (`average` in the trend is `score_sum` ÷ `ratings`). */
export const RATING_MEASURES = ['ratings', 'score_sum', 'satisfied', 'dissatisfied'] as const;
export type RatingMeasure = (typeof RATING_MEASURES)[number];

const types = trendObjectTypes('satisfactionTrend');

/** Monthly satisfaction of a unit's subtree over the last 12 months (see the trend catalog). */
export const SatisfactionTrend = types.Trend;
export type SatisfactionTrend = TrendLists<'satisfactionTrend'>;

/** For Sunlight services: the satisfaction trend of one unit of a tier. */
export const UnitSatisfactionTrend = types.Row;
export type UnitSatisfactionTrend = InstanceType<typeof types.Row>;
