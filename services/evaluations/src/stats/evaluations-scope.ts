import { Role, scope, type Principal } from '@sunlight/shared';

/** Aggregates (satisfaction, results) are public; staff read their own subtree's. */
export const evaluationsScope = {
  canReadAggregates(principal: Principal, unit: string): boolean {
    return principal.role === Role.PUBLIC || scope.canRead(principal, unit);
  },
  assertAggregates(principal: Principal, unit: string): void {
    if (principal.role !== Role.PUBLIC) scope.assertCanRead(principal, unit);
  },
};
