import { referenceResolver } from '@sunlight/shared';
import type { PowersContext } from '../powers.context';
import type { StepRiskHints } from './step-risk-hints.type';

/**
 * `StepRiskHints` references by power, version and step: resolvable when the caller may see that
 * version of the power (the catalog's visibility rule), null otherwise.
 */
export const stepRiskHintsReference = referenceResolver<StepRiskHints, StepRiskHints, PowersContext>({
  load: async (ref, ctx) => ((await ctx.catalog.find(ctx.principal, ref.powerId, ref.version)) ? ref : null),
  // find() applied the visibility rule to the version asked for; a version is required, never defaulted.
  canSee: (ref) => Number.isInteger(ref.version),
});
