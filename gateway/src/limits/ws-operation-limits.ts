import { platformError, PlatformErrorCode, Validation, findInputTextProblem } from '@sunlight/shared';
import { GraphQLError, parse, specifiedRules, validate } from 'graphql';
import type { DocumentNode, ExecutionArgs, GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import { INPUT_TEXT_LIMITS } from './input-text.plugin';
import { queryLimitRules, type QueryLimits } from './query-limits';

/** What a graphql-ws `subscribe` message carries. */
export interface WsOperationPayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * Documents already parsed and validated against one schema and its limits, by query text. Many
 * subscribers send the same text (every console page sends its own fixed one), and a parsed
 * document keeps its tokens and locations for as long as its subscription runs: shared, ten
 * thousand alert subscribers hold one document instead of ten thousand (documents are never
 * changed by execution). Only valid documents are kept; the variables are checked on every call.
 */
export type WsDocumentCache = LRUCache<string, DocumentNode>;

/** A cache for {@link limitedWsOperation} of at most `max` documents (and 4 MiB of query text). */
export function wsDocumentCache(max = 500): WsDocumentCache {
  return new LRUCache<string, DocumentNode>({
    max,
    maxSize: 4 * 2 ** 20,
    sizeCalculation: (_, query) => query.length || 1,
  });
}

function refusal(error: unknown): GraphQLError {
  if (error instanceof GraphQLError && typeof error.extensions['code'] === 'string') return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
}

/**
 * The gateway's limits for an operation sent over graphql-ws, which does not pass through Apollo
 * Server's parse, validation rules or plugins: the document is parsed with the same token limit,
 * validated with graphql's rules plus the depth, alias and cost rules, and its strings checked as
 * {@link inputTextPlugin} checks them. Returns the errors to send back, or the execution args.
 */
export function limitedWsOperation(
  schema: GraphQLSchema,
  payload: WsOperationPayload,
  limits: QueryLimits,
  documents?: WsDocumentCache,
): readonly GraphQLError[] | ExecutionArgs {
  let document = documents?.get(payload.query);
  // graphql-ws keeps each subscribe message for its subscription's life: the text is kept once, as the shared document's.
  if (document?.loc && document.loc.source.body === payload.query) payload.query = document.loc.source.body;
  if (!document) {
    try {
      document = parse(payload.query, { maxTokens: limits.maxTokens });
    } catch (e) {
      return [refusal(e)];
    }
    const errors = validate(schema, document, [...specifiedRules, ...queryLimitRules(limits)]);
    if (errors.length > 0) return errors;
    documents?.set(payload.query, document);
  }
  const variables = payload.variables ?? undefined;
  const problem = findInputTextProblem(document, variables, INPUT_TEXT_LIMITS);
  if (problem?.overFieldBound)
    return [
      platformError(PlatformErrorCode.ATTACHMENT_TOO_LARGE, `${problem.field}: ${problem.message}`, problem.field),
    ];
  if (problem) {
    try {
      new Validation().add(problem.field, problem.message).throwIfAny();
    } catch (e) {
      return [refusal(e)];
    }
  }
  return { schema, document, operationName: payload.operationName ?? undefined, variableValues: variables };
}
