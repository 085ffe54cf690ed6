import { referenceResolver } from '@sunlight/shared';
import type { PowersContext } from '../powers.context';
import type { Unit } from './unit.entity';

/** `Unit` entity references: through the loader, then the same visibility rule as every read. */
export const unitReference = referenceResolver<{ code: string }, Unit, PowersContext>({
  load: (ref, ctx) => ctx.unitLoaders.unit.load(ref.code),
  canSee: (unit, ctx) => ctx.units.canSeeUnit(ctx.principal, unit.code),
});
