/** One error of a GraphQL answer, as much of it as the simulator reads: the code, never the message. */
export interface AnsweredError {
  code: string;
  field?: string;
}

/** What the gateway answered: data, or the codes of the errors that refused the request. */
export type Answer<T> = { ok: true; data: T } | { ok: false; errors: AnsweredError[] };

/** The gateway did not answer (down, restarting, a subgraph unreachable): retry the same request later. */
export class GatewayUnavailable extends Error {}

/**
 * Codes that mean "not now" rather than "no": the service behind the gateway could not be
 * reached. The API asks for a retry with the same idempotency key, so the request is retried as is.
 */
const TRANSIENT_CODES = new Set([
  'SERVICE_UNAVAILABLE',
  'ACCOUNTS_UNAVAILABLE',
  'POWERS_UNAVAILABLE',
  'UPSTREAM_UNAVAILABLE',
]);

/** Statuses a restarting gateway or its proxy answers with. */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

/**
 * Talks to the gateway over HTTP GraphQL, as any client of the API does. An answer with errors
 * is a refusal, read by its `extensions.code` (messages are for people, and translated); no
 * answer at all, or one that says a service is unreachable, is a {@link GatewayUnavailable}.
 */
export class GatewayClient {
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 30_000,
  ) {}

  async request<T>(
    query: string,
    variables: Record<string, unknown>,
    token: string | undefined,
    signal?: AbortSignal,
  ): Promise<Answer<T>> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await res.text();
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new GatewayUnavailable(`the gateway did not answer: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (TRANSIENT_STATUSES.has(res.status)) throw new GatewayUnavailable(`the gateway answered ${res.status}`);
    const body = parseAnswer<T>(text);
    // An answer that is not GraphQL (a proxy's page, 413): a refusal, not a reason to retry forever.
    if (!body) return { ok: false, errors: [{ code: `HTTP_${res.status}` }] };
    const errors: AnsweredError[] = (body.errors ?? []).map((e) => ({
      code: typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN',
      ...(typeof e.extensions?.field === 'string' ? { field: e.extensions.field } : {}),
    }));
    if (errors.some((e) => TRANSIENT_CODES.has(e.code)))
      throw new GatewayUnavailable(`a service was unreachable (${errors.map((e) => e.code).join(', ')})`);
    if (errors.length > 0 || !body.data)
      return { ok: false, errors: errors.length > 0 ? errors : [{ code: 'NO_DATA' }] };
    return { ok: true, data: body.data };
  }
}

type GraphqlBody<T> = { data?: T | null; errors?: { extensions?: { code?: unknown; field?: unknown } }[] };

function parseAnswer<T>(text: string): GraphqlBody<T> | null {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && ('data' in body || 'errors' in body)
      ? (body as GraphqlBody<T>)
      : null;
  } catch {
    return null;
  }
}
