import { referenceResolver } from '@sunlight/shared';
import type { PowersContext } from '../powers.context';
import type { Power } from './power.type';

/** `Power` references by id (the version the caller should see) or by id and version. */
export const powerReference = referenceResolver<{ id: string; version?: number | null }, Power, PowersContext>({
  // find() applies the visibility rule already; canSee is the second, explicit check.
  load: (ref, ctx) => ctx.catalog.find(ctx.principal, ref.id, ref.version ?? null),
  canSee: (power, ctx) => power.status !== undefined && (ctx.principal.role !== 'PUBLIC' || power.publishedAt !== null),
});
