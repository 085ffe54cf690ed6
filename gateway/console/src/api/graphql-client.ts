import { createClient, type Client } from 'graphql-ws';
import { messageFor } from './error-messages';

/** An API error: its stable code, a Chinese message, and the field it concerns when the API names one. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly field?: string,
  ) {
    super(messageFor(code));
  }
}

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; field?: string };
}

/** Runs a query or mutation with a POST to /graphql on the same origin (JSON, so CSRF-safe). */
export async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK');
  }
  let body: { data?: T | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(response.status === 429 ? 'RATE_LIMITED' : 'UNAVAILABLE');
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.extensions?.field);
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR');
  return body.data;
}

let live: Client | undefined;

/** The graphql-ws client for live parts (subscriptions), opened on first use on the same origin. */
export function liveClient(): Client {
  if (!live) {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    live = createClient({ url: `${scheme}//${location.host}/graphql`, lazy: true, retryAttempts: 5 });
  }
  return live;
}
