import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createLogger, newTraceSpanContext, Role, TokenService } from '@sunlight/shared';
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

describe('traceparent on subgraph fetches', () => {
  it("sends each fetch in the request's trace, under a span id of its own", async () => {
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers['traceparent'] as string | undefined);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"alerts":{"totalCount":0}}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      const source = new AuthenticatedDataSource(url, new TokenService(key(), key()));
      const trace = newTraceSpanContext();
      for (let i = 0; i < 2; i++) {
        const options = fetchAt(url);
        (options as { context: Partial<GatewayContext> }).context = { requestId: trace.traceId, trace };
        await source.process(options);
      }
      const parsed = seen.map((h) => /^00-([0-9a-f]{32})-([0-9a-f]{16})-00$/.exec(h ?? ''));
      expect(parsed.map((m) => m?.[1])).toEqual([trace.traceId, trace.traceId]);
      const spans = parsed.map((m) => m?.[2]);
      expect(new Set([...spans, trace.spanId]).size).toBe(3);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the assertion of the caller on subgraph fetches', () => {
  it("is signed once for a principal's fetches in a row, valid for the subgraph, and apart for another principal", async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers['x-sunlight-assertion'] as string);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"alerts":{"totalCount":0}}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      const tokens = new TokenService(key(), key());
      const source = new AuthenticatedDataSource(url, tokens);
      const inspector = { subject: 'i', role: Role.INSPECTOR, unit: '139901000000', client: '10.0.0.1' };
      const leader = { subject: 'l', role: Role.LEADER, unit: '139901000000', client: '10.0.0.1' };
      for (const principal of [inspector, inspector, leader]) {
        const options = fetchAt(url);
        (options as { context: Partial<GatewayContext> }).context = { principal };
        await source.process(options);
      }
      expect(seen[0]).toBe(seen[1]);
      expect(seen[2]).not.toBe(seen[0]);
      await expect(tokens.verifyAssertion(seen[1])).resolves.toMatchObject({ subject: 'i', role: Role.INSPECTOR });
      await expect(tokens.verifyAssertion(seen[2])).resolves.toMatchObject({ subject: 'l', role: Role.LEADER });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
