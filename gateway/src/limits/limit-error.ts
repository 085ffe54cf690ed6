import { GraphQLError } from 'graphql';
import type { ASTNode } from 'graphql';

/** Why a query-limit rule rejected an operation; the codes match `PlatformErrorCode` in shared. */
export type LimitErrorCode = 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'QUERY_TOO_COSTLY';

function measureName(code: LimitErrorCode): string {
  switch (code) {
    case 'QUERY_TOO_DEEP':
      return 'query depth';
    case 'TOO_MANY_ALIASES':
      return 'alias count';
    case 'QUERY_TOO_COSTLY':
      return 'estimated query cost';
  }
}

/**
 * The validation error for an operation over a limit, e.g. "query depth 14 exceeds the limit of
 * 12", with `extensions: { code, kind: 'BAD_INPUT', limit, actual }`.
 */
export function limitError(code: LimitErrorCode, actual: number, limit: number, node: ASTNode): GraphQLError {
  return new GraphQLError(`${measureName(code)} ${actual} exceeds the limit of ${limit}`, {
    nodes: node,
    extensions: { code, kind: 'BAD_INPUT', limit, actual },
  });
}
