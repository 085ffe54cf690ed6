import { SubtreeStore, trendMeasures, type TrendMeasure } from '@sunlight/shared';
import type { DataSource } from 'typeorm';

/** The measures of the monthly alert rollup, as the trend catalog declares them. */
export const ALERT_MEASURES = trendMeasures('alertTrend');
export type AlertMeasure = TrendMeasure<'alertTrend'>;

/** The alert rollup summed per subtree, once per process: alert trends and the risk index's alert inputs read it. */
export type AlertMonthSums = SubtreeStore<AlertMeasure>;

export function createAlertMonthSums(ds: DataSource): AlertMonthSums {
  return new SubtreeStore(ds, 'alert_month_stat', ALERT_MEASURES);
}
