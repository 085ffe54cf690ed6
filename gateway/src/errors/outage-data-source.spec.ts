import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createLogger } from '@sunlight/shared';
import { GraphQLError } from 'graphql';
import { missingPart } from './missing-part';
import { isOutage, OutageAwareDataSource, withOutageErrors } from './outage-data-source';

const logger = createLogger('outage-spec');
const ENTITIES =
  'query($representations:[_Any!]!){_entities(representations:$representations){...on Unit{caseStats{filed} t:caseTrend{months} __typename}}}';

/** The options the gateway passes for a fetch of the client's operation at `path`. */
const fetchAt = (url: string, query: string, path: (string | number)[]) =>
  ({
    kind: 'incoming operation',
    request: { query, variables: {}, http: { method: 'POST', url, headers: new Headers() } },
    incomingRequestContext: {},
    context: {},
    pathInIncomingRequest: path,
  }) as unknown as GraphQLDataSourceProcessOptions<Record<string, never>>;

/** A port nothing listens on: one that was just listened on and closed. */
async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}

async function serving(status: number, body: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('a subgraph outage as the client sees it', () => {
  it('names the service, the fields and the path of a refused connection (was an anonymous INTERNAL_SERVER_ERROR)', async () => {
    const url = await deadUrl();
    const source = new OutageAwareDataSource('cases', new RemoteGraphQLDataSource({ url }), logger);
    const error: unknown = await source.process(fetchAt(url, ENTITIES, ['unit'])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    const e = error as GraphQLError;
    expect(e.message).toBe('案件服务暂不可用，相关数据暂缺，请稍后重试');
    expect(e.path).toEqual(['unit']);
    expect(e.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      kind: 'UNAVAILABLE',
      service: 'cases',
      fields: ['caseStats', 't'],
    });
  });

  it('reports an HTTP 5xx as an outage and leaves a 4xx (the gateway at fault) as it was', async () => {
    const down = await serving(503, '{"errors":[{"message":"overloaded"}]}');
    const refused = await serving(401, '{"errors":[{"message":"no assertion"}]}');
    try {
      const five: GraphQLError = await new OutageAwareDataSource(
        'alerts',
        new RemoteGraphQLDataSource({ url: down.url }),
        logger,
      )
        .process(fetchAt(down.url, '{ alerts(first: 1) { edges { cursor } } }', []))
        .then(
          () => {
            throw new Error('answered');
          },
          (e: unknown) => e as GraphQLError,
        );
      expect(five.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'alerts', fields: ['alerts'] });
      expect(five.path).toEqual(['alerts']);
      const four: GraphQLError = await new OutageAwareDataSource(
        'alerts',
        new RemoteGraphQLDataSource({ url: refused.url }),
        logger,
      )
        .process(fetchAt(refused.url, '{ alerts(first: 1) { edges { cursor } } }', []))
        .then(
          () => {
            throw new Error('answered');
          },
          (e: unknown) => e as GraphQLError,
        );
      expect(four.extensions['code']).toBe('UNAUTHENTICATED');
      expect(isOutage(four)).toBe(false);
    } finally {
      await down.close();
      await refused.close();
    }
  });

  it('points at the list, not at an element, when the fetch covers every element of a list', () => {
    expect(missingPart(ENTITIES, ['unit', 'children', '@', 'children', '@'])).toEqual({
      path: ['unit', 'children'],
      fields: ['caseStats', 't'],
    });
    const one =
      'query($representations:[_Any!]!){_entities(representations:$representations){...on Unit{satisfaction{count}}}}';
    expect(missingPart(one, ['unit'])).toEqual({ path: ['unit', 'satisfaction'], fields: ['satisfaction'] });
    expect(missingPart(one, ['unit', 'children', '@'])).toEqual({
      path: ['unit', 'children'],
      fields: ['satisfaction'],
    });
  });

  it('wraps only subgraphs of the directory', () => {
    const inner = new RemoteGraphQLDataSource({ url: 'http://127.0.0.1:1/graphql' });
    expect(withOutageErrors('cases', inner, logger)).toBeInstanceOf(OutageAwareDataSource);
    expect(withOutageErrors('somebody-else', inner, logger)).toBe(inner);
  });
});
