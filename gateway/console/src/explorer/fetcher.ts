import { createClient } from 'graphql-ws';
import type { ExecutionResult } from 'graphql';

interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

interface FetcherOptions {
  headers?: Record<string, unknown>;
}

/**
 * GraphiQL's fetcher for this origin: queries and mutations as JSON POSTs to /graphql (with the
 * headers pane's headers), subscriptions over graphql-ws on the same path with the token in
 * connection params.
 */
export function explorerFetcher() {
  return (
    params: FetcherParams,
    options?: FetcherOptions,
  ): Promise<ExecutionResult> | AsyncIterable<ExecutionResult> => {
    const headers = Object.fromEntries(Object.entries(options?.headers ?? {}).map(([k, v]) => [k, String(v)]));
    if (/^\s*subscription\b/m.test(params.query)) return subscribe(params, headers);
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(params),
    }).then((r) => r.json() as Promise<ExecutionResult>);
  };
}

function subscribe(params: FetcherParams, headers: Record<string, string>): AsyncIterable<ExecutionResult> {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const authorization = headers['authorization'] ?? headers['Authorization'];
  const client = createClient({
    url: `${scheme}//${location.host}/graphql`,
    connectionParams: authorization ? { authorization } : {},
  });
  // The wire carries formatted results; GraphiQL's Fetcher type names them ExecutionResult.
  const results: AsyncIterable<unknown> = client.iterate({
    query: params.query,
    variables: params.variables as Record<string, unknown> | undefined,
    operationName: params.operationName ?? undefined,
  });
  return results as AsyncIterable<ExecutionResult>;
}
