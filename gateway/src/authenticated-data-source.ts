import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { context as otelContext, trace, type SpanContext } from '@opentelemetry/api';
import {
  ASSERTION_HEADER,
  childSpanContext,
  newTraceSpanContext,
  TRACEPARENT_HEADER,
  traceparentOf,
  type Principal,
  type TokenService,
} from '@sunlight/shared';
import { LRUCache } from 'lru-cache';
import type { GatewayContext } from './gateway-context';
import { subgraphFetch } from './subgraph-fetch';

/** How long one signed assertion of a principal is reused (it expires 60 s after it is signed). */
export const ASSERTION_REUSE_MS = 10_000;

/** How long a subgraph may take to answer one fetch, body included, unless told otherwise. */
export const SUBGRAPH_TIMEOUT_MS = 20_000;

/**
 * Sends each subgraph request with a short-lived assertion of the caller's principal, signed
 * with the internal key; subgraphs refuse requests without it. Requests the gateway makes for
 * itself (no principal) carry none.
 *
 * Fetches go through Node's own fetch ({@link subgraphFetch}). Every fetch is aborted after `timeoutMs` (an `AbortError`, which the outage wrapper reports as
 * the service being unavailable), so a subgraph that accepts connections but never answers
 * cannot hold a client's request, or the gateway's sockets, for ever.
 *
 * Every fetch carries a W3C `traceparent` in the request's trace: with tracing on, naming the
 * `gateway.fetch` span @apollo/gateway has open around it; otherwise a new span id under the
 * request's own. A subgraph logs the request under that trace id.
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly assertions = new LRUCache<string, Promise<string>>({ max: 10_000, ttl: ASSERTION_REUSE_MS });

  constructor(
    url: string,
    private readonly tokens: TokenService,
    timeoutMs = SUBGRAPH_TIMEOUT_MS,
  ) {
    super({ url });
    this.fetcher = ((resource: string, init: Parameters<typeof subgraphFetch>[1]) =>
      subgraphFetch(resource, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as typeof this.fetcher;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const gatewayContext = context as Partial<GatewayContext>;
    request.http?.headers.set(TRACEPARENT_HEADER, traceparentOf(fetchSpanContext(gatewayContext.trace)));
    const principal = gatewayContext.principal;
    if (!principal) return;
    request.http?.headers.set(ASSERTION_HEADER, await this.assertion(principal));
  }

  /**
   * The signed assertion of `principal`, reused for {@link ASSERTION_REUSE_MS} (it is valid for 60 s):
   * signing one per fetch was a twentieth of the gateway's time while it delivered alerts.
   */
  private assertion(principal: Principal): Promise<string> {
    const key = JSON.stringify([
      principal.subject,
      principal.role,
      principal.unit,
      principal.department,
      principal.post,
      principal.name,
      principal.client,
    ]);
    let signed = this.assertions.get(key);
    if (!signed) {
      signed = this.tokens.assert(principal);
      this.assertions.set(key, signed);
      signed.catch(() => this.assertions.delete(key));
    }
    return signed;
  }
}

/** The span a subgraph fetch runs under: the recording one open here, else a new child of the request's. */
function fetchSpanContext(requestSpan: SpanContext | undefined): SpanContext {
  const active = trace.getSpan(otelContext.active());
  if (active?.isRecording()) return active.spanContext();
  return requestSpan ? childSpanContext(requestSpan) : newTraceSpanContext();
}
