export { graphqlMetricsPlugin } from './graphql-metrics.plugin';
export { ComponentMetrics, MAX_OPERATION_LABELS } from './metrics-registry';
export { migrationsApplied } from './migrations-applied';
export { poolMetrics } from './pool-metrics';
export { probeRoutes, type ReadinessCheck } from './probe-routes';
