import { referenceResolver } from '@sunlight/shared';
import type { AlertsContext } from '../alerts.context';
import { toAlert } from './alert.service';
import type { Alert } from './alert.type';

/** `Alert` references: only for those who may see it. */
export const alertReference = referenceResolver<{ id: string }, Alert, AlertsContext>({
  load: async (ref, ctx) => {
    const row = await ctx.alerts.find(ctx.principal, ref.id);
    return row ? toAlert(row) : null;
  },
  canSee: () => true, // find() applied canSeeAlert
});
