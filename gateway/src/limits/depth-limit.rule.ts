import type { ValidationRule } from 'graphql';
import { limitError } from './limit-error';
import { measureSelections } from './selection-measure';

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Rejects an operation whose fields nest deeper than `maxDepth` (root fields are depth 1),
 * counting through fragments. `__schema` and `__type`, and everything under them, are not
 * counted, so tooling can introspect; `__typename` counts like any other field.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const depth = measureSelections(context, operation.selectionSet, {
        field: (node, selections) => (INTROSPECTION_ROOTS.has(node.name.value) ? 0 : 1 + selections()),
        combine: Math.max,
      });
      if (depth > maxDepth) context.reportError(limitError('QUERY_TOO_DEEP', depth, maxDepth, operation));
      return false;
    },
  });
}
