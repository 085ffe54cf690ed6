import { Kind, visit } from 'graphql';
import type { DocumentNode, ValueNode } from 'graphql';
import { textProblem } from './text-problem';

/** One string input that may not be stored, named by its path (`input.complainant.name`). */
export interface InputTextProblem {
  field: string;
  message: string;
  /** The string was longer than a bound its field has of its own (see `maxLengthByField`). */
  overFieldBound: boolean;
}

export interface InputTextLimits {
  /** The bound of every string whose field has none of its own. */
  maxLength: number;
  /** Larger (or smaller) bounds by the last name in a field's path, e.g. `contentBase64`. */
  maxLengthByField?: Readonly<Record<string, number>>;
}

type Path = readonly (string | number)[];

/**
 * The first string argument of `document` that {@link textProblem} refuses, whether written in
 * the document or passed in `variables`; undefined when every one may be stored. A variable's
 * strings are named by where the document uses it (`input: $i` names `$i.name` `input.name`),
 * so the person is told the field, not the variable. Every argument is walked, fragments and
 * directives included; a variable used twice is walked twice.
 */
export function findInputTextProblem(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  limits: InputTextLimits,
): InputTextProblem | undefined {
  let found: InputTextProblem | undefined;

  const check = (value: string, path: Path): void => {
    if (found) return;
    const name = [...path].reverse().find((p): p is string => typeof p === 'string');
    const fieldBound = name === undefined ? undefined : limits.maxLengthByField?.[name];
    const message = textProblem(value, fieldBound ?? limits.maxLength);
    if (message)
      found = { field: path.join('.'), message, overFieldBound: fieldBound !== undefined && value.length > fieldBound };
  };

  const walkJson = (value: unknown, path: Path): void => {
    if (found) return;
    if (typeof value === 'string') check(value, path);
    else if (Array.isArray(value)) value.forEach((item, i) => walkJson(item, [...path, i]));
    else if (typeof value === 'object' && value !== null)
      for (const [key, item] of Object.entries(value)) {
        check(key, [...path, key]);
        walkJson(item, [...path, key]);
      }
  };

  const walkValue = (node: ValueNode, path: Path): void => {
    if (found) return;
    switch (node.kind) {
      case Kind.STRING:
        return check(node.value, path);
      case Kind.LIST:
        return node.values.forEach((item, i) => walkValue(item, [...path, i]));
      case Kind.OBJECT:
        return node.fields.forEach((field) => walkValue(field.value, [...path, field.name.value]));
      case Kind.VARIABLE:
        return walkJson(variables?.[node.name.value], path);
      default:
        return;
    }
  };

  visit(document, {
    Argument(node) {
      walkValue(node.value, [node.name.value]);
    },
    VariableDefinition(node) {
      if (node.defaultValue) walkValue(node.defaultValue, [`$${node.variable.name.value}`]);
    },
  });
  return found;
}
