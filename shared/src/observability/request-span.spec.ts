import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { platformError, PlatformErrorCode } from '../errors/platform-error';
import { createGraphQLHttpHandler } from '../http/graphql-http-handler';
import { createLogger } from '../logging/logger';
import { accessLogPlugin } from './access-log.plugin';
import { childSpanContext, incomingSpanContext, newTraceSpanContext, traceparentOf } from './trace-context';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';
const VALID = `00-${TRACE}-${PARENT}-01`;

interface Ctx {
  principal: { role: string; unit?: string };
  requestId: string;
}

describe('traceparent and the access line of each GraphQL request', () => {
  let server: ApolloServer<Ctx>;
  let httpServer: http.Server;
  let url: string;
  const written: string[] = [];
  const seen: { requestId: string; parentSpanId: string }[] = [];
  const saved = process.env['LOG_LEVEL'];
  const lines = () => written.map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    process.env['LOG_LEVEL'] = 'info';
    server = new ApolloServer<Ctx>({
      typeDefs: 'type Query { echo(text: String!): Int!, refuse(phone: String!): Int }',
      resolvers: {
        Query: {
          echo: (_: unknown, { text }: { text: string }) => text.length,
          refuse: () => {
            throw new GraphQLError('不可', { extensions: { code: 'CASE_NOT_FOUND' } });
          },
        },
      },
      plugins: [accessLogPlugin<Ctx>()],
    });
    await server.start();
    const logger = createLogger('spec', {}, { write: (line) => void written.push(line) });
    httpServer = http.createServer(
      createGraphQLHttpHandler<Ctx>({
        server,
        logger,
        maxBodyBytes: 64 * 1024,
        caller: (c) => c.principal,
        context: async (req, span) => {
          if (req.headers['authorization'] === 'Bearer bad')
            throw platformError(PlatformErrorCode.UNAUTHENTICATED, '令牌无效');
          seen.push({ requestId: span.traceId, parentSpanId: span.spanContext.spanId });
          return {
            principal: { role: 'LEADER', unit: '139901000000', subject: 'person-1' } as Ctx['principal'],
            requestId: span.traceId,
          };
        },
      }),
    );
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    process.env['LOG_LEVEL'] = saved;
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await server.stop();
  });
  beforeEach(() => {
    written.length = 0;
    seen.length = 0;
  });

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    await res.text();
    // the line is written when the response closes, just after the client has it all
    for (let i = 0; i < 50 && written.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    return res.status;
  };

  it("takes a valid traceparent's trace id as the request's id, under a span of its own", async () => {
    expect(
      await post(
        { query: 'query Echo($t: String!) { echo(text: $t) }', variables: { t: 'abc' } },
        { traceparent: VALID },
      ),
    ).toBe(200);
    expect(seen).toEqual([{ requestId: TRACE, parentSpanId: expect.stringMatching(/^[0-9a-f]{16}$/) }]);
    expect(seen[0]!.parentSpanId).not.toBe(PARENT);
    expect(lines()).toEqual([
      {
        level: 'info',
        t: expect.any(String),
        service: 'spec',
        msg: 'graphql request',
        traceId: TRACE,
        operation: 'Echo',
        type: 'query',
        status: 200,
        ms: expect.any(Number),
        errors: 0,
        codes: [],
        role: 'LEADER',
        unit: '139901000000',
      },
    ]);
  });

  it.each([
    ['the forbidden version ff', `ff-${TRACE}-${PARENT}-01`],
    ['a short trace id', `00-${TRACE.slice(2)}-${PARENT}-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${PARENT}-01`],
    ['an all-zero parent id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['upper-case hex', `00-${TRACE.toUpperCase()}-${PARENT}-01`],
    ['garbage', 'not a traceparent'],
  ])('replaces a malformed traceparent (%s) with a new trace', async (_what, header) => {
    await post({ query: '{ echo(text: "x") }' }, { traceparent: header });
    const id = seen[0]!.requestId;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(id).not.toBe(TRACE);
    expect(id).not.toBe('0'.repeat(32));
    expect(lines()[0]).toMatchObject({ traceId: id, operation: null, status: 200 });
  });

  it('starts a new trace for each request without a traceparent', async () => {
    await post({ query: '{ echo(text: "x") }' });
    await post({ query: '{ echo(text: "y") }' });
    expect(seen).toHaveLength(2);
    expect(seen[0]!.requestId).not.toBe(seen[1]!.requestId);
  });

  it("logs an error's code, never the variables or literals of the query", async () => {
    await post(
      { query: 'query Refuse($p: String!) { refuse(phone: $p) echo(text: "张三") }', variables: { p: '13900001111' } },
      { traceparent: VALID },
    );
    expect(lines()).toEqual([
      expect.objectContaining({
        traceId: TRACE,
        operation: 'Refuse',
        status: 200,
        errors: 1,
        codes: ['CASE_NOT_FOUND'],
      }),
    ]);
    expect(written.join('')).not.toMatch(/13900001111|张三|phone/);
  });

  it('writes the line for a request refused before GraphQL ran, with its status and code', async () => {
    expect(await post({ query: '{ echo(text: "x") }' }, { traceparent: VALID, authorization: 'Bearer bad' })).toBe(401);
    expect(lines()).toEqual([
      expect.objectContaining({ traceId: TRACE, status: 401, errors: 1, codes: ['UNAUTHENTICATED'], role: null }),
    ]);
  });
});

describe('trace context helpers', () => {
  it('round-trips a span context through traceparent', () => {
    const parent = newTraceSpanContext();
    const child = childSpanContext(parent);
    expect(child.traceId).toBe(parent.traceId);
    expect(child.spanId).not.toBe(parent.spanId);
    const header = traceparentOf(child);
    expect(header).toBe(`00-${child.traceId}-${child.spanId}-00`);
    expect(incomingSpanContext({ traceparent: header })).toMatchObject({
      traceId: child.traceId,
      spanId: child.spanId,
    });
    expect(incomingSpanContext({})).toBeUndefined();
  });
});
