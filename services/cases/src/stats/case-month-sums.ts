import { SubtreeStore } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { CASE_MEASURES } from './case-trend.type';

/** Every measure of `case_month_stat` (see `CASE_MONTH_STAT`), as the service holds it in memory: the trend's, then those only statistics read. */
export const CASE_ROLLUP_MEASURES = [...CASE_MEASURES, 'on_time', 'withdrawn', 'timed', 'working_days'] as const;
export type CaseRollupMeasure = (typeof CASE_ROLLUP_MEASURES)[number];

/** The case rollup summed per subtree, once per process: case statistics and trends read it. */
export type CaseMonthSums = SubtreeStore<CaseRollupMeasure>;

export function createCaseMonthSums(ds: DataSource): CaseMonthSums {
  return new SubtreeStore(ds, 'case_month_stat', CASE_ROLLUP_MEASURES);
}
