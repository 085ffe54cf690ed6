import type { ValidationRule } from 'graphql';
import { aliasLimitRule } from './alias-limit.rule';
import { costLimitRule } from './cost-limit.rule';
import { depthLimitRule } from './depth-limit.rule';

/** The static limits the gateway checks every operation against before planning it. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 20000 };

/** The validation rules enforcing `limits`, for Apollo Server's `validationRules`. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases), costLimitRule(limits.maxCost)];
}
