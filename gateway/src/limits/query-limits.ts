import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import type { GatewayContext } from '../gateway-context';
import { aliasLimitRule } from './alias-limit.rule';
import { costLimitRule } from './cost-limit.rule';
import { depthLimitRule } from './depth-limit.rule';
import { inputTextPlugin } from './input-text.plugin';
import { mutationLimitPlugin } from './mutation-limit.plugin';

/** The static limits the gateway checks every operation against before planning it. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Lexical tokens in a document; the parser stops at the first one over (graphql-js `maxTokens`). */
  maxTokens: number;
  /** Mutation fields in one request for a signed-in caller, aliases counted. */
  maxMutations: number;
  /** Mutation fields in one request for the public (no token). */
  maxPublicMutations: number;
}

/**
 * The limits, each set from the largest legitimate request measured over the tests, benchmarks
 * and dashboards (README "Security model"):
 * - depth 8: the deepest is 6, the city dashboard (`unit > children > children > riskIndex >
 *   indicators > key`), and the power detail (`powers > edges > node > flow > post > name`);
 * - tokens 1000: the most is 192 (the city dashboard), introspection 163;
 * - mutations 5 per request, 1 for the public: no client sends more than 1.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 8,
  maxAliases: 30,
  maxCost: 20000,
  maxTokens: 1000,
  maxMutations: 5,
  maxPublicMutations: 1,
};

/** The validation rules enforcing `limits`, for Apollo Server's `validationRules`. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases), costLimitRule(limits.maxCost)];
}

/**
 * The per-request checks that cannot be validation rules (they read the caller or the variables,
 * and Apollo caches validation per document): mutations per request and every string input.
 */
export function queryLimitPlugins(limits: QueryLimits): ApolloServerPlugin<GatewayContext>[] {
  return [inputTextPlugin(), mutationLimitPlugin(limits)];
}
