import { Tier, type FieldProblem } from '@sunlight/shared';

/** Who a complaint is about: a unit as a whole, its leadership, one of its departments, one of its staff. */
export const ACCUSED_KINDS = ['UNIT', 'LEADERSHIP', 'DEPARTMENT', 'PERSON'] as const;
export type AccusedKind = (typeof ACCUSED_KINDS)[number];

/** Whose inspectors handle it: the accused unit's own, or those of the unit one tier up. */
export const ROUTE_TOS = ['SAME_UNIT', 'PARENT_UNIT'] as const;
export type RouteTo = (typeof ROUTE_TOS)[number];

/**
 * Where complaints go by cadre-management authority (按照干部管理权限): for an accused unit of
 * `accusedTier`, complaints against its leadership (or the unit as a whole) or not, go to `routeTo`.
 */
export interface RoutingRule {
  accusedTier: Tier;
  againstLeadership: boolean;
  routeTo: RouteTo;
}

const rule = (accusedTier: Tier, againstLeadership: boolean, routeTo: RouteTo): RoutingRule =>
  Object.freeze({ accusedTier, againstLeadership, routeTo });

/**
 * The default routing: a unit's departments and staff are its own inspectors' business; its
 * leadership (or the unit as a whole) is the business of the tier above; anything about a village
 * goes to its township. At the city tier PARENT_UNIT falls back to the city itself (see
 * `routeComplaint`).
 */
export const DEFAULT_ROUTING_RULES: readonly RoutingRule[] = Object.freeze([
  rule(Tier.CITY, false, 'SAME_UNIT'),
  rule(Tier.CITY, true, 'PARENT_UNIT'),
  rule(Tier.COUNTY, false, 'SAME_UNIT'),
  rule(Tier.COUNTY, true, 'PARENT_UNIT'),
  rule(Tier.TOWNSHIP, false, 'SAME_UNIT'),
  rule(Tier.TOWNSHIP, true, 'PARENT_UNIT'),
  rule(Tier.VILLAGE, false, 'PARENT_UNIT'),
  rule(Tier.VILLAGE, true, 'PARENT_UNIT'),
]);

const TIERS: readonly string[] = Object.values(Tier);

/**
 * What is wrong with a rule set (e.g. one read from configuration): each rule needs a known tier,
 * a boolean `againstLeadership` and a known `routeTo`, and there must be exactly one rule per
 * (tier, againstLeadership) pair. Fields read `rules.3.routeTo`; an empty list means usable.
 */
export function routingRulesProblems(rules: readonly RoutingRule[]): FieldProblem[] {
  if (!Array.isArray(rules)) return [{ field: 'rules', message: 'must be a list of routing rules' }];
  const problems: FieldProblem[] = [];
  const firstIndex = new Map<string, number>();
  rules.forEach((r: unknown, i) => {
    const at = `rules.${i}`;
    if (typeof r !== 'object' || r === null) {
      problems.push({ field: at, message: 'must be an object with accusedTier, againstLeadership and routeTo' });
      return;
    }
    const { accusedTier, againstLeadership, routeTo } = r as Partial<Record<keyof RoutingRule, unknown>>;
    const tierOk = typeof accusedTier === 'string' && TIERS.includes(accusedTier);
    const leadershipOk = typeof againstLeadership === 'boolean';
    if (!tierOk) problems.push({ field: `${at}.accusedTier`, message: `must be one of ${TIERS.join(', ')}` });
    if (!leadershipOk) problems.push({ field: `${at}.againstLeadership`, message: 'must be true or false' });
    if (!(typeof routeTo === 'string' && (ROUTE_TOS as readonly string[]).includes(routeTo))) {
      problems.push({ field: `${at}.routeTo`, message: `must be one of ${ROUTE_TOS.join(', ')}` });
    }
    if (!tierOk || !leadershipOk) return;
    const pair = pairName(accusedTier, againstLeadership);
    const earlier = firstIndex.get(pair);
    if (earlier === undefined) firstIndex.set(pair, i);
    else problems.push({ field: at, message: `duplicates rules.${earlier}: both route ${pair}` });
  });
  for (const tier of TIERS) {
    for (const againstLeadership of [false, true]) {
      const pair = pairName(tier, againstLeadership);
      if (!firstIndex.has(pair)) problems.push({ field: 'rules', message: `no rule routes ${pair}` });
    }
  }
  return problems;
}

function pairName(tier: string, againstLeadership: boolean): string {
  return `${tier} ${againstLeadership ? 'leadership' : 'departments and staff'}`;
}
