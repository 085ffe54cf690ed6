import { subtreeTrends, type ContextInput, type SubgraphContext } from '@sunlight/shared';
import { AlertService } from './alert/alert.service';
import { ALERT_MEASURES } from './stats/alert-month-sums';
import type { AlertsConfig } from './alerts-config';
import { RiskService } from './risk/risk.service';

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
