import type { ExecutionResult } from 'graphql';
import { OutageErrorCode } from '../errors/service-unavailable';

/** Whether part of `result` is missing because a subgraph did not answer (worth asking again). */
export function isOutageResult(result: ExecutionResult): boolean {
  return (result.errors ?? []).some((e) => e.extensions?.['code'] === OutageErrorCode.SERVICE_UNAVAILABLE);
}
