import { Tier, unitCode } from '@sunlight/shared';

const TIERS: Tier[] = [Tier.CITY, Tier.COUNTY, Tier.TOWNSHIP, Tier.VILLAGE];

/**
 * Remembers, per scope prefix, the sequence number of the last committed change inside it, so that
 * "has anything a caller of this scope can see changed since sequence `n`?" costs one map lookup.
 *
 * A change at unit U is recorded under every prefix that contains U (city, county, township,
 * village, down to U's own). A caller's scope prefix P contains U exactly when P is one of them.
 * A change whose unit is unknown marks every scope. The public (no scope) sees data from every
 * unit, so any change marks it. Sequence numbers only grow; an entry filled at sequence `n` is
 * stale once `changedSince(scope, n)` is true.
 */
export class ScopeChangeClock {
  private seq = 0;
  private everything = 0;
  private anywhere = 0;
  private readonly byPrefix = new Map<string, number>();

  /** The current sequence: take it before reading, compare with it afterwards. */
  get sequence(): number {
    return this.seq;
  }

  /** Records a committed change at `unit` (or somewhere unknown when null). */
  record(unit: string | null): number {
    const at = ++this.seq;
    this.anywhere = at;
    if (!unit || !unitCode.isValid(unit)) {
      this.everything = at;
      return at;
    }
    const own = unitCode.prefixOf(unit).length;
    for (const tier of TIERS) {
      const length = unitCode.prefixLength(tier);
      if (length > own) break;
      this.byPrefix.set(unit.slice(0, length), at);
    }
    return at;
  }

  /** Has a change visible to a caller of `scope` (a scope prefix, or null for the public) been recorded after `since`? */
  changedSince(scope: string | null, since: number): boolean {
    if (this.everything > since) return true;
    if (scope === null) return this.anywhere > since;
    return (this.byPrefix.get(scope) ?? 0) > since;
  }
}
