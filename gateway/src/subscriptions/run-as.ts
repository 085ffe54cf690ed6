import type { ApolloServer } from '@apollo/server';
import { newTraceSpanContext, type Principal } from '@sunlight/shared';
import { GraphQLError, print, type DocumentNode, type ExecutionResult } from 'graphql';
import type { GatewayContext } from '../gateway-context';

/** Runs a document through the gateway as a principal. */
export type RunAs = (
  principal: Principal,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  cacheMode?: GatewayContext['cacheMode'],
) => Promise<ExecutionResult>;

/**
 * Executes operations through the gateway itself (query planning, every subgraph's scope checks,
 * the response cache) as the given principal: the queries a socket sends and every delivery of a
 * subscription. Errors come back as GraphQLError instances, as graphql-ws sends them.
 */
export function runAs(server: ApolloServer<GatewayContext>): RunAs {
  return async (principal, document, variables, cacheMode) => {
    const trace = newTraceSpanContext(); // each run its own trace, as each HTTP request is
    const res = await server.executeOperation(
      { query: print(document), variables },
      { contextValue: { principal, requestId: trace.traceId, trace, ...(cacheMode ? { cacheMode } : {}) } },
    );
    if (res.body.kind !== 'single') return { errors: [new GraphQLError('此处不支持增量交付（@defer/@stream）')] };
    const { data, errors } = res.body.singleResult;
    return {
      data: data as ExecutionResult['data'],
      ...(errors
        ? { errors: errors.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })) }
        : {}),
    };
  };
}
