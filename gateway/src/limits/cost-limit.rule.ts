import { Kind } from 'graphql';
import type { FieldNode, ValidationRule } from 'graphql';
import { limitError } from './limit-error';
import { measureSelections } from './selection-measure';

/**
 * The page size assumed when `first` or `last` is a variable: every connection caps its page at
 * 100 (`MAX_PAGE_SIZE` in shared/src/pagination), so this is an upper bound. Variables are not
 * read on purpose: Apollo Server validates a document once and caches it, so a rule that depended
 * on one request's variables would be skipped for the next request's.
 */
export const VARIABLE_PAGE_SIZE = 100;

const PAGE_ARGUMENTS = new Set(['first', 'last']);

/** How many times a field's selection set is resolved: its largest `first`/`last`, else 1. */
function pageSize(field: FieldNode): number {
  let size: number | undefined;
  for (const argument of field.arguments ?? []) {
    if (!PAGE_ARGUMENTS.has(argument.name.value)) continue;
    const { value } = argument;
    const requested =
      value.kind === Kind.INT
        ? Math.max(0, Number(value.value))
        : value.kind === Kind.VARIABLE
          ? VARIABLE_PAGE_SIZE
          : undefined;
    if (requested !== undefined) size = Math.max(size ?? 0, requested);
  }
  return size ?? 1;
}

/**
 * Rejects an operation whose static cost exceeds `maxCost`. Each field costs 1, plus the cost of
 * its selection set times its page size (see {@link VARIABLE_PAGE_SIZE}); fragments count once
 * per use.
 */
export function costLimitRule(maxCost: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const cost = measureSelections(context, operation.selectionSet, {
        field: (node, selections) => 1 + pageSize(node) * selections(),
        combine: (a, b) => a + b,
      });
      if (cost > maxCost) context.reportError(limitError('QUERY_TOO_COSTLY', cost, maxCost, operation));
      return false;
    },
  });
}
