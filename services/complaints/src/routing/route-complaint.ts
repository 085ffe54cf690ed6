import { unitCode } from '@sunlight/shared';
import type { AccusedKind, RoutingRule } from './routing-rule';

export type { AccusedKind, RoutingRule } from './routing-rule';

/** Where a complaint goes, and the rule that sent it there. */
export interface ComplaintRoute {
  handlerUnit: string;
  againstLeadership: boolean;
  rule: RoutingRule;
}

/**
 * The unit whose inspectors handle a complaint about `accusedUnit`, by cadre-management
 * authority (按照干部管理权限). A complaint is against leadership when it concerns the unit as a
 * whole or its leadership; the rule for the unit's tier and that flag decides SAME_UNIT or
 * PARENT_UNIT.
 *
 * The city has no parent inside the system, so PARENT_UNIT at the city tier falls back to the
 * city itself; in reality its leadership answers to the province, which is out of scope. Callers
 * can tell by `rule.routeTo === 'PARENT_UNIT' && handlerUnit === accusedUnit`.
 *
 * Throws if `accusedUnit` is not a valid unit code or no rule matches.
 */
export function routeComplaint(accusedUnit: string, kind: AccusedKind, rules: readonly RoutingRule[]): ComplaintRoute {
  if (typeof accusedUnit !== 'string' || !unitCode.isValid(accusedUnit)) {
    throw new Error(`cannot route a complaint: "${String(accusedUnit)}" is not a valid 12-digit unit code`);
  }
  const tier = unitCode.tierOf(accusedUnit);
  const againstLeadership = isAgainstLeadership(kind);
  const rule = rules.find((r) => r.accusedTier === tier && r.againstLeadership === againstLeadership);
  if (!rule) {
    throw new Error(
      `cannot route a complaint: no routing rule for ${tier} with againstLeadership=${againstLeadership}`,
    );
  }
  switch (rule.routeTo) {
    case 'SAME_UNIT':
      return { handlerUnit: accusedUnit, againstLeadership, rule };
    case 'PARENT_UNIT':
      return { handlerUnit: unitCode.parentOf(accusedUnit) ?? accusedUnit, againstLeadership, rule };
    default:
      // only reachable with rules that skipped routingRulesProblems
      throw new Error(`cannot route a complaint: unknown routeTo "${String(rule.routeTo satisfies never)}"`);
  }
}

function isAgainstLeadership(kind: AccusedKind): boolean {
  switch (kind) {
    case 'UNIT':
    case 'LEADERSHIP':
      return true;
    case 'DEPARTMENT':
    case 'PERSON':
      return false;
    default:
      throw new Error(`cannot route a complaint: unknown accused kind "${String(kind satisfies never)}"`);
  }
}
