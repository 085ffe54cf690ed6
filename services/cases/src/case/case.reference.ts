import { referenceResolver, Role, scope } from '@sunlight/shared';
import type { CasesContext } from '../cases.context';
import type { UnitRef } from './case.type';
import { toCase, type Case } from './case.type';

/** `Case` references: loaded through the request's loader, visible only in scope. */
export const caseReference = referenceResolver<{ id: string }, Case, CasesContext>({
  load: async (ref, ctx) => {
    const row = await ctx.cases.find(ctx.principal, ref.id);
    return row ? toCase(row) : null;
  },
  canSee: (c, ctx) => ctx.cases.canSee(ctx.principal, c.row),
});

/** `Unit` references into this subgraph: the unit's cases are for the public only as a unit stub. */
export const unitReference = referenceResolver<{ code: string }, UnitRef, CasesContext>({
  load: async (ref) => ({ code: ref.code }),
  canSee: (u, ctx) => ctx.principal.role === Role.PUBLIC || scope.canRead(ctx.principal, u.code),
});
