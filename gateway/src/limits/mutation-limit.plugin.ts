import type { ApolloServerPlugin } from '@apollo/server';
import { platformError, PlatformErrorCode, Role } from '@sunlight/shared';
import { Kind } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../gateway-context';
import { measureSelections } from './selection-measure';

/** How many mutation fields one request may carry. */
export interface MutationLimits {
  /** For a signed-in caller. */
  maxMutations: number;
  /** For the public (no token): one complaint, one rating, one query-code check per request. */
  maxPublicMutations: number;
}

/**
 * The root fields `operation` runs, aliases counted (`a: fileComplaint b: fileComplaint` is 2),
 * through inline fragments and fragment spreads; `__typename` is not counted.
 */
export function countRootFields(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return measureSelections({ getFragment: (name) => fragments.get(name) }, operation.selectionSet, {
    field: (node) => (node.name.value === '__typename' ? 0 : 1),
    combine: (a, b) => a + b,
  });
}

/**
 * Refuses a mutation request with more mutation fields than its caller may send, with
 * `TOO_MANY_MUTATIONS` (HTTP 400) before anything is planned or written. A plugin, not a
 * validation rule, because the limit depends on the caller and Apollo caches validation per
 * document.
 */
export function mutationLimitPlugin(limits: MutationLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue, response }) {
          if (operation?.operation !== 'mutation') return;
          const isPublic = contextValue.principal.role === Role.PUBLIC;
          const limit = isPublic ? limits.maxPublicMutations : limits.maxMutations;
          const count = countRootFields(document, operation);
          if (count <= limit) return;
          response.http.status = 400;
          const error = platformError(
            PlatformErrorCode.TOO_MANY_MUTATIONS,
            isPublic
              ? `一次请求最多提交 ${limit} 项操作（本次 ${count} 项）；未登录时请逐项提交`
              : `一次请求最多提交 ${limit} 项操作（本次 ${count} 项）`,
          );
          error.extensions['limit'] = limit;
          error.extensions['actual'] = count;
          throw error;
        },
      };
    },
  };
}
