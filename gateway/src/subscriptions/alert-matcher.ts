import { canSeeAlert, unitCode, type Principal } from '@sunlight/shared';
import type { FeedItem } from './alert-feed';

const RANK: Record<string, number> = { REMINDER: 1, YELLOW: 2, RED: 3 };

/** A subscriber's filter, as given to `alertRaised(filter: ...)`. */
export interface SubscriptionFilter {
  minLevel?: string | null;
  kinds?: string[] | null;
  unit?: string | null;
}

/** Does this subscriber get this alert? Scope (the shared alert rule) first, then the filter. */
export function matches(p: Principal, f: SubscriptionFilter, a: FeedItem): boolean {
  if (!canSeeAlert(p, a)) return false;
  if (f.minLevel && (RANK[a.level] ?? 0) < (RANK[f.minLevel] ?? 0)) return false;
  if (f.kinds && f.kinds.length > 0 && !f.kinds.includes(a.kind)) return false;
  if (f.unit && !unitCode.contains(f.unit, a.unitCode)) return false;
  return true;
}
