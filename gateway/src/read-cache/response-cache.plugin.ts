import { HeaderMap, type ApolloServer, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import type { Principal } from '@sunlight/shared';
import type { GatewayContext } from '../gateway-context';
import { responseCacheKey, scopeOfPrincipal } from './cache-key';
import type { ScopeChangeClock } from './change-clock';
import { withFreshness, type CacheEntry, type CacheStatus, type ResponseCache } from './response-cache';

/**
 * Root query fields whose answers are never kept: feeds read by position, trace verification and
 * its signed checkpoints (a check that must look now), a single complaint (each reading of it is
 * an inspector's act) and the follow-up by code, and the service-only peer fields.
 */
const NEVER_CACHED = new Set([
  'alert',
  'alertFeed',
  'alertFeedHead',
  'verifyCaseTrace',
  'caseTraceCheckpoint',
  'caseTraceProof',
  'complaintTraceCheckpoint',
  'complaint',
  'complaintProgress',
  'caseTrendsOfTier',
  'satisfactionTrendsOfTier',
  'complaintTrendsOfTier',
]);

function cacheable(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== OperationTypeNode.QUERY) return false;
  return operation.selectionSet.selections.every((s) => s.kind !== Kind.FIELD || !NEVER_CACHED.has(s.name.value));
}

function fromEntry(entry: CacheEntry, status: CacheStatus): GraphQLResponse {
  return {
    http: { status: undefined, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: withFreshness(entry.body, entry.asOf, status) },
  };
}

/**
 * The HTTP fast path: a POST body whose answer is a HIT right now, as the JSON Apollo would have
 * sent (serialized once per entry), without parsing, validating or planning it again. Anything
 * else (a STALE or changed entry, a miss, a malformed body) returns undefined and goes through
 * Apollo and {@link responseCachePlugin}. The key is the plugin's, so the same caller rule holds.
 */
export function cachedAnswer(
  cache: ResponseCache<GraphQLResponse>,
  principal: Principal,
  body: unknown,
): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { query, operationName, variables } = body as { query?: unknown; operationName?: unknown; variables?: unknown };
  if (typeof query !== 'string') return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  if (variables !== undefined && variables !== null && typeof variables !== 'object') return undefined;
  const key = responseCacheKey(
    principal,
    query,
    operationName,
    variables as Record<string, unknown> | null | undefined,
  );
  return cache.peek(key)?.json;
}

/**
 * The gateway's response cache as an Apollo Server plugin (the hook the response-cache plugin
 * uses, `responseForOperation`). A read operation is answered from {@link ResponseCache}; a miss
 * is filled by running the same operation through this server as the same caller (context
 * `cacheMode: 'bypass'`), so every subgraph's access rules apply to what is kept. Answers with
 * errors are returned but never kept. Every cached answer carries `extensions.asOf` and
 * `extensions.cacheStatus`. A signed-in caller's mutation marks its scope changed as it answers.
 */
export function responseCachePlugin(
  cache: ResponseCache<GraphQLResponse>,
  clock: ScopeChangeClock,
  server: () => ApolloServer<GatewayContext>,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        // Whoever writes reads their own write: a signed-in writer's scope is marked changed
        // before the mutation's answer leaves, without waiting for the NOTIFY that follows. (The
        // public has no scope: marking everything on each rating would empty the cache.)
        async willSendResponse(rc) {
          const unit = rc.contextValue.principal.unit;
          if (unit && rc.operation?.operation === OperationTypeNode.MUTATION) clock.record(unit);
        },
        async responseForOperation(rc) {
          const mode = rc.contextValue.cacheMode;
          if (mode === 'bypass' || !cacheable(rc.operation)) return null;
          const { principal } = rc.contextValue;
          const variables = rc.request.variables;
          const key = responseCacheKey(principal, rc.source, rc.request.operationName, variables);
          const fill = async () => {
            const raw = await server().executeOperation(
              { query: rc.source, variables, operationName: rc.operationName ?? undefined },
              { contextValue: { ...rc.contextValue, cacheMode: 'bypass' } },
            );
            const single = raw.body.kind === 'single' ? raw.body.singleResult : undefined;
            const keep =
              single && !single.errors && single.data
                ? { data: single.data, ...(single.extensions ? { extensions: single.extensions } : {}) }
                : undefined;
            return { raw, keep };
          };
          const answer = await cache.get(key, scopeOfPrincipal(principal), fill, mode === 'fresh');
          if (answer.entry) return fromEntry(answer.entry, answer.status);
          // Not kept (errors): every waiter gets the same answer, each with its own headers.
          return {
            http: { status: answer.raw.http.status, headers: new HeaderMap(answer.raw.http.headers) },
            body: answer.raw.body,
          };
        },
      };
    },
  };
}
