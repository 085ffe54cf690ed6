import { referenceResolver } from '@sunlight/shared';
import type { UnitRef } from '../alert/alert.type';
import type { AlertsContext } from '../alerts.context';

/**
 * `Unit` references carry only the code and the required trends, and resolve for every caller: each
 * `Unit` field of this subgraph checks role and scope itself (RiskService.assertCanRead) and refuses
 * with a typed error, so the public is told why instead of getting a silent null.
 */
export const unitReference = referenceResolver<UnitRef, UnitRef, AlertsContext>({
  load: (ref) => Promise.resolve(ref),
  canSee: () => true,
});
