import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logging/logger';

const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

function unwrap(error: unknown): unknown {
  let current = error;
  for (let i = 0; i < 5 && current && typeof current === 'object' && 'originalError' in current; i++) {
    const next = (current as { originalError?: unknown }).originalError;
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * Builds Apollo Server's `formatError`: typed errors keep their code, field and message;
 * GraphQL's own parse and validation errors pass through; anything else becomes a generic
 * `INTERNAL_SERVER_ERROR` whose detail goes to the log, never to the client.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrap(error);
    // Typed errors (AppError, and rules' errors carrying a `kind`) keep their own code, even where
    // Apollo re-labels validation errors as GRAPHQL_VALIDATION_FAILED.
    if (original instanceof GraphQLError && typeof original.extensions['kind'] === 'string') {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: original.extensions,
      };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && (PASS_THROUGH_CODES.has(code) || formatted.extensions?.['kind'])) {
      const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error('unexpected resolver error', {
      error: original instanceof Error ? (original.stack ?? original.message) : String(original),
      path: formatted.path,
    });
    return {
      message: '服务器内部错误，请稍后重试',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
