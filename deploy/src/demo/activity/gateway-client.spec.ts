import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayClient, GatewayUnavailable } from './gateway-client';

/** A stand-in gateway answering each request with the next of `answers` (status and body). */
async function fakeGateway(answers: { status: number; body: unknown }[]) {
  const seen: { authorization?: string; body: unknown }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body: JSON.parse(body),
      });
      const next = answers.shift() ?? { status: 500, body: {} };
      res
        .writeHead(next.status, { 'content-type': 'application/json' })
        .end(typeof next.body === 'string' ? next.body : JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('GatewayClient', () => {
  it('answers data, or the codes of a refusal (never its message), sending the token and variables', async () => {
    const gateway = await fakeGateway([
      { status: 200, body: { data: { viewer: { role: 'CLERK' } } } },
      {
        status: 200,
        body: {
          data: null,
          errors: [{ message: '已违反电子关卡', extensions: { code: 'CHECKPOINT_VIOLATED', field: 'caseId' } }],
        },
      },
    ]);
    const client = new GatewayClient(gateway.url);
    await expect(client.request('{ viewer { role } }', { a: 1 }, 'tok')).resolves.toEqual({
      ok: true,
      data: { viewer: { role: 'CLERK' } },
    });
    await expect(client.request('mutation { x }', {}, undefined)).resolves.toEqual({
      ok: false,
      errors: [{ code: 'CHECKPOINT_VIOLATED', field: 'caseId' }],
    });
    expect(gateway.seen).toEqual([
      { authorization: 'Bearer tok', body: { query: '{ viewer { role } }', variables: { a: 1 } } },
      { body: { query: 'mutation { x }', variables: {} } },
    ]);
    await gateway.close();
  });

  it('takes a gateway that is down, restarting or cut off from a service for unavailable: retry as is', async () => {
    const gateway = await fakeGateway([
      { status: 503, body: {} },
      { status: 200, body: { data: null, errors: [{ message: 'x', extensions: { code: 'SERVICE_UNAVAILABLE' } }] } },
    ]);
    const client = new GatewayClient(gateway.url);
    await expect(client.request('{ a }', {}, undefined)).rejects.toBeInstanceOf(GatewayUnavailable);
    await expect(client.request('{ a }', {}, undefined)).rejects.toBeInstanceOf(GatewayUnavailable);
    await gateway.close();
    await expect(client.request('{ a }', {}, undefined)).rejects.toBeInstanceOf(GatewayUnavailable); // refused connection
  });

  it('takes an answer that is not GraphQL for a refusal by its status, not for an outage to retry', async () => {
    const gateway = await fakeGateway([{ status: 413, body: 'too large' }]);
    await expect(new GatewayClient(gateway.url).request('{ a }', {}, undefined)).resolves.toEqual({
      ok: false,
      errors: [{ code: 'HTTP_413' }],
    });
    await gateway.close();
  });
});
