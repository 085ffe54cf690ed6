import { ErrorKind, SUBGRAPH_DIRECTORY, type SubgraphName } from '@sunlight/shared';
import { GraphQLError } from 'graphql';

/** Why part of an answer is missing because of another service; the code is `extensions.code`. */
export enum OutageErrorCode {
  /** A subgraph did not answer (refused, reset, timed out, or answered HTTP 5xx). */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/** The service as a person reads it (zh-CN); a new subgraph without a line here fails to compile. */
function serviceLabel(service: SubgraphName): string {
  switch (service) {
    case 'powers':
      return '权力清单服务';
    case 'cases':
      return '案件服务';
    case 'evaluations':
      return '评价服务';
    case 'complaints':
      return '投诉服务';
    case 'alerts':
      return '预警服务';
  }
}

/** Whether `name` is a subgraph of the directory. */
export function isSubgraphName(name: string): name is SubgraphName {
  return SUBGRAPH_DIRECTORY.some((s) => s.name === name);
}

/** Where the missing part of an answer is: the path of the object and the fields the service was to supply. */
export interface MissingPart {
  /** A concrete response path: the field itself when one field is missing at one place. */
  path?: readonly (string | number)[];
  /** The response names of the fields the service was asked for at `path` (in each element when `path` is a list). */
  fields: readonly string[];
}

/**
 * The error that names a service whose outage left part of an answer null:
 * `extensions: { code: 'SERVICE_UNAVAILABLE', kind: 'UNAVAILABLE', service, fields }`, a zh-CN
 * message (e.g. "案件服务暂不可用，相关数据暂缺，请稍后重试") and the path of what is missing.
 */
export function serviceUnavailableError(service: SubgraphName, missing: MissingPart): GraphQLError {
  return new GraphQLError(`${serviceLabel(service)}暂不可用，相关数据暂缺，请稍后重试`, {
    ...(missing.path && missing.path.length > 0 ? { path: missing.path } : {}),
    extensions: {
      code: OutageErrorCode.SERVICE_UNAVAILABLE,
      kind: ErrorKind.UNAVAILABLE,
      service,
      fields: missing.fields,
    },
  });
}
