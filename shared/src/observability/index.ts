export { accessLogPlugin } from './access-log.plugin';
export { accessNotes, loggableOperationName, type AccessNote } from './access-note';
export { graphqlMetricsPlugin } from './graphql-metrics.plugin';
export { ComponentMetrics, MAX_OPERATION_LABELS } from './metrics-registry';
export { migrationsApplied } from './migrations-applied';
export { poolMetrics } from './pool-metrics';
export { probeRoutes, type ReadinessCheck } from './probe-routes';
export { currentRequestSpan, openRequestSpan, type RequestSpan } from './request-span';
export { startTracing, tracingConfigured, type Tracing } from './start-tracing';
export {
  childSpanContext,
  incomingSpanContext,
  newTraceSpanContext,
  TRACEPARENT_HEADER,
  traceparentOf,
} from './trace-context';
