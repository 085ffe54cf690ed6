import { SubtreeStore } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { RATING_MEASURES, type RatingMeasure } from './satisfaction-trend.type';

/** The rating rollup summed per subtree, once per process: unit satisfaction, its series and trends read it. */
export type RatingMonthSums = SubtreeStore<RatingMeasure>;

export function createRatingMonthSums(ds: DataSource): RatingMonthSums {
  return new SubtreeStore(ds, 'rating_month_stat', RATING_MEASURES);
}
