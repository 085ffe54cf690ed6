import { GraphQLError } from 'graphql';
import type { ASTNode } from 'graphql';

/** Why a query-limit rule rejected an operation; the codes match `PlatformErrorCode` in shared. */
export type LimitErrorCode = 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'QUERY_TOO_COSTLY';

function measureName(code: LimitErrorCode): string {
  switch (code) {
    case 'QUERY_TOO_DEEP':
      return '查询嵌套深度';
    case 'TOO_MANY_ALIASES':
      return '字段别名数量';
    case 'QUERY_TOO_COSTLY':
      return '查询估算开销';
  }
}

/**
 * The validation error for an operation over a limit, e.g. "查询嵌套深度 14 超过上限 12"
 * (zh-CN, read by whoever sent it), with `extensions: { code, kind: 'BAD_INPUT', limit, actual }`.
 */
export function limitError(code: LimitErrorCode, actual: number, limit: number, node: ASTNode): GraphQLError {
  return new GraphQLError(`${measureName(code)} ${actual} 超过上限 ${limit}`, {
    nodes: node,
    extensions: { code, kind: 'BAD_INPUT', limit, actual },
  });
}
