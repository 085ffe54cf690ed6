import type { SubgraphContext } from '../service/subgraph-definition';

/**
 * Builds a `__resolveReference` that loads through the request's DataLoader and then checks
 * scope itself (type-graphql guards do not run on `_entities`). An entity the caller may not
 * see resolves to null, exactly like one that does not exist, so `_entities` leaks nothing.
 */
export function referenceResolver<R, T, C extends SubgraphContext>(options: {
  load: (reference: R, context: C) => Promise<T | null | undefined>;
  canSee: (entity: T, context: C) => boolean;
}) {
  return {
    async __resolveReference(reference: R, context: C): Promise<T | null> {
      const entity = await options.load(reference, context);
      if (entity === null || entity === undefined) return null;
      return options.canSee(entity, context) ? entity : null;
    },
  };
}
