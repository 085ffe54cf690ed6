import { Kind, parse, type SelectionSetNode } from 'graphql';
import type { MissingPart } from './service-unavailable';

/** Response names of a selection set's fields, inline fragments included, `__typename` left out. */
function responseNames(set: SelectionSetNode): string[] {
  const names: string[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD && s.name.value !== '__typename') names.push(s.alias?.value ?? s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) names.push(...responseNames(s.selectionSet));
  }
  return [...new Set(names)];
}

/**
 * What a failed subgraph fetch leaves missing, from the fetch's own operation and the gateway's
 * cursor (`pathInIncomingRequest`, where `@` stands for every element of a list): the fields the
 * fetch selects (for an `_entities` fetch, those it asks of each entity) and the longest concrete
 * path. With one field at one place the path ends at that field; under a list it stops at the list.
 */
export function missingPart(query: string | undefined, cursor: readonly (string | number)[] = []): MissingPart {
  // The fetch's own text: the gateway's `document` option is not always the fetch's operation.
  const operation = query ? parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) : undefined;
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return { fields: [] };
  const root = operation.selectionSet.selections;
  const entities = root.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  const fields =
    entities?.kind === Kind.FIELD && entities.selectionSet
      ? responseNames(entities.selectionSet)
      : responseNames(operation.selectionSet);
  const list = cursor.indexOf('@');
  const concrete = list === -1 ? [...cursor] : cursor.slice(0, list);
  const path = list === -1 && fields.length === 1 ? [...concrete, fields[0]!] : concrete;
  return { path, fields };
}
