import type { ValidationRule } from 'graphql';
import { limitError } from './limit-error';
import { measureSelections } from './selection-measure';

/**
 * Rejects an operation with more than `maxAliases` aliased fields, counting those inside the
 * fragments it uses once per use.
 */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const aliases = measureSelections(context, operation.selectionSet, {
        field: (node, selections) => (node.alias ? 1 : 0) + selections(),
        combine: (a, b) => a + b,
      });
      if (aliases > maxAliases) context.reportError(limitError('TOO_MANY_ALIASES', aliases, maxAliases, operation));
      return false;
    },
  });
}
