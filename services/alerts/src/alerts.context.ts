import type { ContextInput, SubgraphContext } from '@sunlight/shared';
import { AlertService } from './alert/alert.service';

/** Per-request context of the alerts subgraph. */
export interface AlertsContext extends SubgraphContext {
  alerts: AlertService;
}

export function createAlertsContext({ principal, requestId, dataSource }: ContextInput): AlertsContext {
  return { principal, requestId, alerts: new AlertService(dataSource) };
}
