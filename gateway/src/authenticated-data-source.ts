import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ASSERTION_HEADER, type TokenService } from '@sunlight/shared';
import type { GatewayContext } from './gateway-context';

/** How long a subgraph may take to answer one fetch, body included, unless told otherwise. */
export const SUBGRAPH_TIMEOUT_MS = 20_000;

/**
 * Sends each subgraph request with a short-lived assertion of the caller's principal, signed
 * with the internal key; subgraphs refuse requests without it. Requests the gateway makes for
 * itself (no principal) carry none.
 *
 * Every fetch is aborted after `timeoutMs` (an `AbortError`, which the outage wrapper reports as
 * the service being unavailable), so a subgraph that accepts connections but never answers
 * cannot hold a client's request, or the gateway's sockets, for ever.
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly tokens: TokenService,
    timeoutMs = SUBGRAPH_TIMEOUT_MS,
  ) {
    super({ url });
    const fetcher = this.fetcher;
    this.fetcher = (resource, init) => fetcher(resource, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const principal = (context as Partial<GatewayContext>).principal;
    if (!principal) return;
    request.http?.headers.set(ASSERTION_HEADER, await this.tokens.assert(principal));
    const requestId = (context as Partial<GatewayContext>).requestId;
    if (requestId) request.http?.headers.set('x-request-id', requestId);
  }
}
