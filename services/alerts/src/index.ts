export { createAlertsSubgraph } from './alerts.subgraph';
export { AlertConsumer, ALERTS_CHANNEL } from './consumer/alert-consumer';
export { alertFor, type NewAlert } from './consumer/alert-rules';
