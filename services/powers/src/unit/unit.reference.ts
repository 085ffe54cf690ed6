import { referenceResolver } from '@sunlight/shared';
import type { PowersContext } from '../powers.context';
import type { Department } from './department.entity';
import type { Post } from './post.entity';
import type { Unit } from './unit.entity';

/** `Unit` entity references: through the loader, then the same visibility rule as every read. */
export const unitReference = referenceResolver<{ code: string }, Unit, PowersContext>({
  load: (ref, ctx) => ctx.unitLoaders.unit.load(ref.code),
  canSee: (unit, ctx) => ctx.units.canSeeUnit(ctx.principal, unit.code),
});

/** `Department` references: visible like its unit. */
export const departmentReference = referenceResolver<{ id: string }, Department, PowersContext>({
  load: (ref, ctx) => ctx.units.department(ctx.principal, ref.id),
  canSee: (d, ctx) => ctx.units.canSeeUnit(ctx.principal, d.unitCode),
});

/** `Post` references: staff in scope only. */
export const postReference = referenceResolver<{ id: string }, Post, PowersContext>({
  load: (ref, ctx) => ctx.units.post(ctx.principal, ref.id),
  canSee: () => true, // post() already applied the staff-in-scope rule
});
