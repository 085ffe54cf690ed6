import { trendMeasures, trendObjectTypes, type TrendLists, type TrendMeasure } from '@sunlight/shared';

/** The measures of the monthly complaint rollup, as the trend catalog declares them. */
export const COMPLAINT_MEASURES = trendMeasures('complaintTrend');
export type ComplaintMeasure = TrendMeasure<'complaintTrend'>;

const types = trendObjectTypes('complaintTrend');

/** Monthly complaints about units of a subtree over the last 12 months (see the trend catalog). */
export const ComplaintTrend = types.Trend;
export type ComplaintTrend = TrendLists<'complaintTrend'>;

/** For Sunlight services: the complaint trend of one unit of a tier. */
export const UnitComplaintTrend = types.Row;
export type UnitComplaintTrend = InstanceType<typeof types.Row>;
