import { referenceResolver, scope } from '@sunlight/shared';
import type { UnitRef } from '../alert/alert.type';
import type { AlertsContext } from '../alerts.context';

/** `Unit` references carry only the code and the required trends; a unit outside the caller's scope resolves to null. */
export const unitReference = referenceResolver<UnitRef, UnitRef, AlertsContext>({
  load: (ref) => Promise.resolve(ref),
  canSee: (unit, ctx) => scope.canRead(ctx.principal, unit.code),
});
