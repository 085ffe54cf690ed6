import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isOutage } from './errors/outage-data-source';
import { subgraphFetch } from './subgraph-fetch';

async function serve(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('subgraphFetch', () => {
  it('posts the request and returns the answer with its status, headers and body', async () => {
    const got: { method?: string; assertion?: string; body: string } = { body: '' };
    const subgraph = await serve((req, res) => {
      got.method = req.method;
      got.assertion = req.headers['x-sunlight-assertion'] as string | undefined;
      req.on('data', (c: Buffer) => (got.body += c.toString()));
      req.on('end', () =>
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end('{"data":{"x":1}}'),
      );
    });
    try {
      const response = await subgraphFetch(subgraph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sunlight-assertion': 'a' },
        body: '{"query":"{ x }"}',
      });
      expect(response.ok).toBe(true);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      await expect(response.json()).resolves.toEqual({ data: { x: 1 } });
      expect(got).toEqual({ method: 'POST', assertion: 'a', body: '{"query":"{ x }"}' });
    } finally {
      await subgraph.close();
    }
  });

  it('fails as an outage when nothing listens', async () => {
    const subgraph = await serve(() => undefined);
    await subgraph.close(); // the port is free again: the connection is refused
    const error: unknown = await subgraphFetch(subgraph.url, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'FetchError' });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(isOutage(error)).toBe(true);
  });

  it('fails as an outage when the answer is cut off half-way through its body', async () => {
    const subgraph = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"data":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    try {
      const error: unknown = await subgraphFetch(subgraph.url, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'FetchError' });
      expect(isOutage(error)).toBe(true);
    } finally {
      await subgraph.close();
    }
  });

  it('fails as an outage when its time runs out', async () => {
    const subgraph = await serve(() => undefined); // never answers
    try {
      const error: unknown = await subgraphFetch(subgraph.url, {
        method: 'POST',
        body: '{}',
        signal: AbortSignal.timeout(100),
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'AbortError' });
      expect(isOutage(error)).toBe(true);
    } finally {
      await subgraph.close();
    }
  });
});
