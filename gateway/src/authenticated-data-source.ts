import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ASSERTION_HEADER, type TokenService } from '@sunlight/shared';
import type { GatewayContext } from './gateway-context';

/**
 * Sends each subgraph request with a short-lived assertion of the caller's principal, signed
 * with the internal key; subgraphs refuse requests without it. Requests the gateway makes for
 * itself (no principal) carry none.
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly tokens: TokenService,
  ) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const principal = (context as Partial<GatewayContext>).principal;
    if (!principal) return;
    request.http?.headers.set(ASSERTION_HEADER, await this.tokens.assert(principal));
    const requestId = (context as Partial<GatewayContext>).requestId;
    if (requestId) request.http?.headers.set('x-request-id', requestId);
  }
}
