import { SubtreeStore } from '@sunlight/shared';
import type { DataSource } from 'typeorm';

/** Every measure of `case_month_stat` (see `CASE_MONTH_STAT`), as the service holds it in memory. */
export const CASE_ROLLUP_MEASURES = ['filed', 'completed', 'overdue', 'late', 'on_time', 'withdrawn', 'timed', 'working_days'] as const;
export type CaseRollupMeasure = (typeof CASE_ROLLUP_MEASURES)[number];

/** The case rollup summed per subtree, once per process: case statistics and trends read it. */
export type CaseMonthSums = SubtreeStore<CaseRollupMeasure>;

export function createCaseMonthSums(ds: DataSource): CaseMonthSums {
  return new SubtreeStore(ds, 'case_month_stat', CASE_ROLLUP_MEASURES);
}
