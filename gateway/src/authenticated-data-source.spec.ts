import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createLogger, TokenService } from '@sunlight/shared';
import { GraphQLError } from 'graphql';
import { AuthenticatedDataSource } from './authenticated-data-source';
import { OutageAwareDataSource } from './errors/outage-data-source';
import type { GatewayContext } from './gateway-context';

const key = () => new Uint8Array(32).fill(7);

/** A subgraph that accepts the connection and the request, and never answers. */
async function hanging(): Promise<{ url: string; close(): Promise<void> }> {
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((_req, res) => void open.add(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const fetchAt = (url: string) =>
  ({
    kind: 'incoming operation',
    request: {
      query: '{ alerts(first: 1) { totalCount } }',
      variables: {},
      http: { method: 'POST', url, headers: new Headers() },
    },
    incomingRequestContext: {},
    context: {},
    pathInIncomingRequest: [],
  }) as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;

describe('a subgraph that never answers', () => {
  it('is given up after the timeout and reported as unavailable, naming the service (it used to hold the request)', async () => {
    const subgraph = await hanging();
    try {
      const source = new OutageAwareDataSource(
        'alerts',
        new AuthenticatedDataSource(subgraph.url, new TokenService(key(), key()), 300),
        createLogger('timeout-spec'),
      );
      const started = Date.now();
      const error: unknown = await source.process(fetchAt(subgraph.url)).catch((e: unknown) => e);
      const waited = Date.now() - started;
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'alerts' });
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(5000);
    } finally {
      await subgraph.close();
    }
  });
});
