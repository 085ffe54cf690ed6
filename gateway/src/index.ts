export {
  DEFAULT_RESPONSE_CACHE,
  startGateway,
  type ResponseCacheSettings,
  type RunningGateway,
  type StartGatewayOptions,
} from './start-gateway';
export { DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits/query-limits';
export { DEFAULT_CONSOLE_DIR, withConsole, type ConsoleOptions } from './console/console-handler';
