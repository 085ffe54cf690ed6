import { SubtreeStore } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { COMPLAINT_MEASURES, type ComplaintMeasure } from './complaint-trend.type';

/**
 * The complaint rollup summed per subtree, once per process: complaint trends read it. The rollup
 * leaves out every complaint against a unit's leadership, so it answers the same for every caller;
 * `complaintStats`, which counts what the caller may see (against-leadership complaints about
 * other units included, those about the caller's own unit or department left out), stays on SQL.
 */
export type ComplaintMonthSums = SubtreeStore<ComplaintMeasure>;

export function createComplaintMonthSums(ds: DataSource): ComplaintMonthSums {
  return new SubtreeStore(ds, 'complaint_month_stat', COMPLAINT_MEASURES);
}
