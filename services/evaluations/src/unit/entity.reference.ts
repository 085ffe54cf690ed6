import { referenceResolver, Role, scope } from '@sunlight/shared';
import type { EvaluationsContext } from '../evaluations.context';
import type { DepartmentRef, PostRef, UnitRef } from './entity-refs';

/** `Unit` references: aggregates are public; staff only within their subtree. */
export const unitReference = referenceResolver<{ code: string }, UnitRef, EvaluationsContext>({
  load: async (ref) => ({ code: ref.code }),
  canSee: (u, ctx) => ctx.evaluationsScope.canReadAggregates(ctx.principal, u.code),
});

const ratedScope = async (id: string, ctx: EvaluationsContext) => {
  if (ctx.principal.role === Role.PUBLIC || ctx.principal.role === Role.SERVICE) return true;
  const unit = await ctx.ratedUnit.load(id);
  return unit === null || scope.canRead(ctx.principal, unit); // never rated: nothing to reveal
};

/** `Department` references: checked against the unit it was rated at. */
export const departmentReference = referenceResolver<{ id: string }, DepartmentRef, EvaluationsContext>({
  load: async (ref, ctx) => ((await ratedScope(ref.id, ctx)) ? { id: ref.id } : null),
  canSee: () => true,
});

/** `Post` references: checked against the unit it was rated at. */
export const postReference = referenceResolver<{ id: string }, PostRef, EvaluationsContext>({
  load: async (ref, ctx) => ((await ratedScope(ref.id, ctx)) ? { id: ref.id } : null),
  canSee: () => true,
});
