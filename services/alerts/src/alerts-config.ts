import type { PeerBaseline } from './risk/peer-baseline';
import type { AlertMonthSums } from './stats/alert-month-sums';

/** What the alerts service is built with, once per process. */
export interface AlertsConfig {
  baseline: PeerBaseline;
  /** The alert rollup summed per subtree. */
  sums: AlertMonthSums;
  now: () => Date;
}
