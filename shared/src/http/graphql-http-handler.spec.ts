import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { createLogger } from '../logging/logger';
import { createGraphQLHttpHandler } from './graphql-http-handler';

const LIMIT = 64 * 1024;

describe('createGraphQLHttpHandler: the body limit', () => {
  let server: ApolloServer;
  let httpServer: http.Server;
  let url: string;

  beforeAll(async () => {
    server = new ApolloServer({
      typeDefs: 'type Query { echo(text: String!): Int! }',
      resolvers: {
        Query: { echo: (_: unknown, { text }: { text: string }) => text.length },
      },
    });
    await server.start();
    httpServer = http.createServer(
      createGraphQLHttpHandler({
        server,
        logger: createLogger('test'),
        maxBodyBytes: LIMIT,
        context: async () => ({}),
      }),
    );
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await server.stop();
  });

  const body = (textLength: number) =>
    JSON.stringify({ query: 'query($t: String!) { echo(text: $t) }', variables: { t: 'x'.repeat(textLength) } });

  it('reads a body up to the limit', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(LIMIT - 100),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { echo: LIMIT - 100 } });
  });

  it('answers 413 PAYLOAD_TOO_LARGE with a JSON body to a body over the limit, not a reset', async () => {
    for (const size of [LIMIT + 1, 20 * LIMIT]) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(size),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({
        errors: [
          {
            message: `请求体超过 ${LIMIT} 字节的上限（附件较多时请分次提交）`,
            extensions: { code: 'PAYLOAD_TOO_LARGE', kind: 'BAD_INPUT', field: 'body' },
          },
        ],
      });
    }
  });

  it('answers 413 to a chunked body without Content-Length once it passes the limit', async () => {
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      const payload = body(3 * LIMIT);
      for (let i = 0; i < payload.length; i += 8192) req.write(payload.slice(i, i + 8192));
      req.end();
    });
    expect(status).toBe(413);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
