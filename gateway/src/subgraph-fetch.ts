/** The part of a fetch answer @apollo/gateway reads. */
export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/** A subgraph request as @apollo/gateway makes it. */
export interface SubgraphRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** Named as the outage check ({@link isOutage}) knows a fetch that got no answer. */
function outage(name: 'FetchError' | 'AbortError', message: string, cause: unknown): Error {
  const error = new Error(message, { cause });
  error.name = name;
  return error;
}

/**
 * Subgraph fetches through Node's own fetch (undici), in place of the make-fetch-happen that
 * @apollo/gateway uses by default: that one (a caching npm client, with retries and an agent that
 * reads a stack trace per request) cost about a millisecond of the gateway's CPU per fetch, a
 * sixth of its time while it delivered alerts to ten thousand subscribers.
 *
 * The body is read here, so a connection that fails half-way through an answer fails the fetch
 * itself. A fetch that gets no answer (refused, reset, cut short) fails as a `FetchError`, and one
 * that runs out of time (its signal) as an `AbortError`, as make-fetch-happen's did: the gateway
 * reports both as the subgraph being unavailable. (Node's fetch refuses the ports the Fetch standard
 * lists as unsafe, such as 6000 and 6665-6669: a subgraph must not listen on one.)
 */
export async function subgraphFetch(url: string, init: SubgraphRequestInit = {}): Promise<SubgraphResponse> {
  try {
    const response = await fetch(url, init);
    const body = await response.text();
    return {
      ok: response.ok,
      status: response.status,
      statusText: response.statusText,
      url: response.url,
      headers: response.headers,
      json: () => Promise.resolve(JSON.parse(body) as unknown),
      text: () => Promise.resolve(body),
    };
  } catch (e) {
    // Read by shape: undici's errors are not of this realm's Error under a test runner's sandbox.
    const { name, cause } = (e ?? {}) as { name?: unknown; cause?: { message?: unknown } };
    if (name === 'AbortError' || name === 'TimeoutError' || init.signal?.aborted)
      throw outage('AbortError', `request to ${url} timed out or was aborted`, e);
    const reason = typeof cause?.message === 'string' ? `: ${cause.message}` : '';
    throw outage('FetchError', `request to ${url} failed${reason}`, e);
  }
}
