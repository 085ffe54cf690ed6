import { Kind } from 'graphql';
import type { FieldNode, SelectionNode, SelectionSetNode, ValidationContext } from 'graphql';

/** How a limit rule scores selections: one field from its own selection set, and siblings together. */
export interface SelectionMeasure {
  /** The field's score; `selections` scores its selection set (0 for a leaf) and is called only if needed. */
  field(node: FieldNode, selections: () => number): number;
  /** Combines the scores of sibling selections (`Math.max` for depth, a sum for counts); 0 is the identity. */
  combine(a: number, b: number): number;
}

/**
 * Scores a selection set, following inline fragments and fragment spreads. Each named fragment is
 * scored once and reused, so a document that spreads fragments many times cannot make the walk
 * exponential. A spread that closes a cycle, or names an unknown fragment, scores 0: graphql's
 * NoFragmentCycles and KnownFragmentNames rules report those.
 */
export function measureSelections(
  context: Pick<ValidationContext, 'getFragment'>,
  root: SelectionSetNode,
  measure: SelectionMeasure,
): number {
  const fragmentScores = new Map<string, number>();
  const inProgress = new Set<string>();

  const walk = (set: SelectionSetNode): number =>
    set.selections.reduce((total, selection) => measure.combine(total, score(selection)), 0);

  const score = (selection: SelectionNode): number => {
    switch (selection.kind) {
      case Kind.FIELD:
        return measure.field(selection, () => (selection.selectionSet ? walk(selection.selectionSet) : 0));
      case Kind.INLINE_FRAGMENT:
        return walk(selection.selectionSet);
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const known = fragmentScores.get(name);
        if (known !== undefined) return known;
        const fragment = context.getFragment(name);
        if (!fragment || inProgress.has(name)) return 0;
        inProgress.add(name);
        const value = walk(fragment.selectionSet);
        inProgress.delete(name);
        fragmentScores.set(name, value);
        return value;
      }
    }
  };

  return walk(root);
}
