import { subtreeTrends, type ContextInput, type SubgraphContext } from '@sunlight/shared';
import { AlertService } from './alert/alert.service';
import { ALERT_MEASURES, type AlertMonthSums } from './risk/alert-month-sums';
import type { PeerBaseline } from './risk/peer-baseline';
import { RiskService } from './risk/risk.service';

/** What the alerts service is built with, once per process. */
export interface AlertsConfig {
  baseline: PeerBaseline;
  /** The alert rollup summed per subtree. */
  sums: AlertMonthSums;
  now: () => Date;
}

/** Per-request context of the alerts subgraph. */
export interface AlertsContext extends SubgraphContext {
  alerts: AlertService;
  risk: RiskService;
}

export function alertsContextFactory(config: AlertsConfig) {
  return ({ principal, requestId, dataSource }: ContextInput): AlertsContext => ({
    principal,
    requestId,
    alerts: new AlertService(dataSource),
    risk: new RiskService(config.baseline, subtreeTrends(config.sums, ALERT_MEASURES, config.now), config.now),
  });
}
