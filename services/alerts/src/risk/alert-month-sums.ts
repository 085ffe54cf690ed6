import { SubtreeStore } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { ALERT_MEASURES, type AlertMeasure } from './risk.service';

/** The alert rollup summed per subtree, once per process: alert trends and the risk index's alert inputs read it. */
export type AlertMonthSums = SubtreeStore<AlertMeasure>;

export function createAlertMonthSums(ds: DataSource): AlertMonthSums {
  return new SubtreeStore(ds, 'alert_month_stat', ALERT_MEASURES);
}
