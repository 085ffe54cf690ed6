export { createAlertsSubgraph, createAlertsSubgraph as createSubgraph } from './alerts.subgraph';
export { AlertConsumer, ALERTS_CHANNEL } from './jobs/alert-consumer';
export { alertFor, type NewAlert } from './consumer/alert-rules';
export { alertRowValues } from './consumer/alert-row-values';
