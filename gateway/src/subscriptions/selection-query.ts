import { Kind, visit, type DocumentNode, type FieldNode, type OperationDefinitionNode, type TypeNode } from 'graphql';

/** The root query field a subscription's selection is rewritten onto, and its one argument. */
export interface QueryTarget {
  /** Name of the query operation, e.g. `AlertDelivery`. */
  operationName: string;
  /** The root query field, e.g. `alert`. */
  field: string;
  /** Its argument, e.g. `id`. */
  argument: string;
  /** The variable that carries the argument's value (a name no client uses), e.g. `sunlightAlertId`. */
  variable: string;
  /** The variable's type, e.g. `ID!`. */
  type: 'ID!';
}

const nonNull = (name: string): TypeNode => ({
  kind: Kind.NON_NULL_TYPE,
  type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: name.replace(/!$/, '') } },
});

/**
 * Rewrites the selection of a subscription's root field into a query of `target.field`, so that
 * each delivery is fetched through the gateway as the subscriber, with the subscriber's own
 * selection: the same fields, fragments and the variables that selection uses (the
 * subscription's own arguments are not part of it). Pure; the caller supplies the variable.
 */
export function selectionAsQuery(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  root: FieldNode,
  target: QueryTarget,
): DocumentNode {
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const used = new Set<string>();
  for (const node of [root.selectionSet, ...fragments]) {
    if (node) visit(node, { Variable: (v) => void used.add(v.name.value) });
  }
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: 'query' as never,
        name: { kind: Kind.NAME, value: target.operationName },
        variableDefinitions: [
          ...(operation.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value)),
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: target.variable } },
            type: nonNull(target.type),
          },
        ],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              kind: Kind.FIELD,
              name: { kind: Kind.NAME, value: target.field },
              arguments: [
                {
                  kind: Kind.ARGUMENT,
                  name: { kind: Kind.NAME, value: target.argument },
                  value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: target.variable } },
                },
              ],
              ...(root.selectionSet ? { selectionSet: root.selectionSet } : {}),
            },
          ],
        },
      },
      ...fragments,
    ],
  };
}
