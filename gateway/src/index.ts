export { startGateway, type RunningGateway, type StartGatewayOptions } from './start-gateway';
export { DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits/query-limits';
