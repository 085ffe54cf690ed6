import { createClient, type Client } from 'graphql-ws';
import { messageFor } from './error-messages';
import { onTokenChange, refresh, session } from '../session/session';

/** One field's problem, as the API lists them under `extensions.problems`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An API error: its stable code, the Chinese message to show, the field it concerns when the API
 * names one, and the API's extensions (for example a checkpoint refusal's `violations`).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly field?: string,
    message?: string,
    readonly problems: FieldProblem[] = [],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message ?? messageFor(code));
  }
}

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; field?: string; problems?: FieldProblem[]; [k: string]: unknown };
}

const CJK = /[\u4e00-\u9fff]/;

/** The API's own message when it is in Chinese (every typed error's is), else the code's. */
function toApiError(e: GraphQLErrorShape): ApiError {
  const code = e.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const message = CJK.test(e.message) && code !== 'INTERNAL_SERVER_ERROR' ? e.message : messageFor(code);
  return new ApiError(code, e.extensions?.field, message, e.extensions?.problems ?? [], e.extensions ?? {});
}

async function send<T>(
  query: string,
  variables: Record<string, unknown>,
): Promise<{ data?: T | null; errors?: GraphQLErrorShape[] }> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(session.accessToken ? { authorization: `Bearer ${session.accessToken}` } : {}),
      },
      credentials: 'same-origin',
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK');
  }
  try {
    return (await response.json()) as { data?: T | null; errors?: GraphQLErrorShape[] };
  } catch {
    throw new ApiError(response.status === 429 ? 'RATE_LIMITED' : 'UNAVAILABLE');
  }
}

const EXPIRED = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED', 'TOKEN_REVOKED']);

/**
 * Runs a query or mutation with a POST to /graphql on the same origin (JSON, so CSRF-safe), with
 * the session's access token when signed in. An expired token is renewed once and the request
 * sent again (a mutation carries its idempotency key in its variables, so a resend never doubles).
 */
export async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let body = await send<T>(query, variables);
  const code = body.errors?.[0]?.extensions?.code;
  if (code && EXPIRED.has(code) && session.account && (await refresh().catch(() => false)))
    body = await send<T>(query, variables);
  const first = body.errors?.[0];
  if (first) throw toApiError(first);
  if (!body.data) throw new ApiError('INTERNAL_SERVER_ERROR');
  return body.data;
}

/** A fresh idempotency key for one user action (kept across that action's retries). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

let live: Client | undefined;
let liveToken: string | undefined;

/** A socket whose opening handshake has not completed in this long is given up and tried again. */
const HANDSHAKE_TIMEOUT_MS = 10_000;

/**
 * The browser's WebSocket with a limit on its opening handshake: a path that accepts the
 * connection and then never answers (a proxy whose gateway is gone) would otherwise hold the
 * client in "connecting" for good, and graphql-ws retries only once a socket closes.
 */
class HandshakeLimitedWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    const timer = setTimeout(() => {
      if (this.readyState === WebSocket.CONNECTING) this.close();
    }, HANDSHAKE_TIMEOUT_MS);
    const clear = () => clearTimeout(timer);
    this.addEventListener('open', clear);
    this.addEventListener('close', clear);
  }
}

onTokenChange(() => {
  // A socket authenticates once, at connection_init: after a new token (or sign-out) the next
  // subscription opens a new socket; graphql-ws resubscribes the running ones on reconnect.
  if (live && liveToken !== session.accessToken) {
    liveToken = session.accessToken;
    live.terminate();
  }
});

/** The graphql-ws client for live parts (subscriptions), on the same origin, with the session's token. */
export function liveClient(): Client {
  if (!live) {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    liveToken = session.accessToken;
    live = createClient({
      url: `${scheme}//${location.host}/graphql`,
      webSocketImpl: HandshakeLimitedWebSocket,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      // 1, 2, 4 … s with jitter, never more than 30 s apart: a screen left running through a long
      // outage comes back within half a minute of the gateway's return.
      retryWait: (retries) =>
        new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** retries) + Math.random() * 1000)),
      // A ping every 10 s; a socket whose pong does not come within 5 s is dead (a silent network
      // drop never closes it), so it is closed and the client reconnects and resubscribes.
      keepAlive: 10_000,
      on: {
        ping: (received) => {
          if (received) return;
          clearTimeout(pongTimer);
          pongTimer = setTimeout(() => live?.terminate(), 5_000);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
        // A timer left from a socket that is gone must not close its successor.
        connected: () => clearTimeout(pongTimer),
        closed: () => clearTimeout(pongTimer),
      },
      connectionParams: () => (session.accessToken ? { authorization: `Bearer ${session.accessToken}` } : {}),
    });
  }
  return live;
}

let pongTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Subscribes through the live client; `next` gets each payload's data, `error` a Chinese ApiError.
 * graphql-ws resends `variables` (this very object) on each reconnect, so a caller that moves a
 * resume point in it (e.g. `after` = the last alert id) resumes from there. A socket closed for
 * good (graphql-ws gives up on 4401, an expired sign-in) is retried here after the sign-in is
 * renewed, every 5 s, until the returned function is called.
 */
export function subscribe<T>(
  query: string,
  variables: Record<string, unknown>,
  handlers: { next: (data: T) => void; error?: (e: ApiError) => void },
): () => void {
  let stopped = false;
  let stop: (() => void) | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const start = (): void => {
    stop = liveClient().subscribe<T>(
      { query, variables },
      {
        next: (payload) => {
          const first = payload.errors?.[0] as GraphQLErrorShape | undefined;
          if (first) handlers.error?.(toApiError(first));
          else if (payload.data) handlers.next(payload.data as T);
        },
        error: () => again(),
        // A live subscription has no end: one the server completes (a gateway that shut down
        // while the socket was open) is followed again, as after a network error.
        complete: () => {
          if (!stopped) again();
        },
      },
    );
  };
  const again = (): void => {
    handlers.error?.(new ApiError('NETWORK'));
    if (stopped) return;
    clearTimeout(retry);
    retry = setTimeout(() => {
      const renewed = session.account && session.expiresAt - Date.now() < 60_000 ? refresh() : Promise.resolve(true);
      void renewed
        .catch(() => false)
        .then(() => {
          if (!stopped) start();
        });
    }, 5_000);
  };
  start();
  return () => {
    stopped = true;
    clearTimeout(retry);
    stop?.();
  };
}
