import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { withConsole } from './console-handler';

/** A raw GET (no automatic decompression): status, headers and the bytes as sent. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('withConsole', () => {
  let server: http.Server;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'console-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>阳光</title>');
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'favicon.ico'), 'x');
    const big = 'export const a = "阳光政务";\n'.repeat(200);
    writeFileSync(path.join(dir, 'assets', 'big-def456.js'), big);
    writeFileSync(path.join(dir, 'assets', 'big-def456.js.gz'), gzipSync(big));
    writeFileSync(path.join(dir, 'assets', 'big-def456.js.br'), brotliCompressSync(big));
    writeFileSync(path.join(dir, 'explorer.html'), '<!doctype html><title>GraphiQL</title>');
    writeFileSync(path.join(os.tmpdir(), 'outside-secret.txt'), 'secret');
    const api = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ api: `${req.method} ${req.url}` }));
    };
    server = http.createServer(withConsole(api, { dir, apiPaths: ['/auth/refresh'] }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('serves index.html at / and for client routes, never cached', async () => {
    for (const p of ['/', '/catalog', '/powers/abc']) {
      const res = await fetch(base + p);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toContain('阳光');
    }
  });

  it('caches hashed assets for a year and 404s missing ones instead of sending index.html', async () => {
    const res = await fetch(`${base}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${base}/assets/gone-000.js`)).status).toBe(404);
    expect((await fetch(`${base}/missing.png`)).status).toBe(404);
  });

  it("sends the build's brotli or gzip copy as the browser accepts, else the file itself", async () => {
    const url = `${base}/assets/big-def456.js`;
    const plain = await rawGet(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    const text = plain.body.toString('utf8');
    expect(text).toContain('阳光政务');
    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length / 10);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(text);
    const gz = await rawGet(url, { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(text);
    const small = await rawGet(`${base}/assets/index-abc123.js`, { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString('utf8')).toBe('console.log(1)');
  });

  it('leaves /graphql, /health, the API routes and every non-GET request to the API', async () => {
    for (const [method, p] of [
      ['GET', '/graphql?query=%7B__typename%7D'],
      ['GET', '/health'],
      ['GET', '/auth/refresh'],
      ['POST', '/graphql'],
      ['POST', '/catalog'],
    ] as const) {
      const res = await fetch(base + p, { method });
      expect(await res.json()).toEqual({ api: `${method} ${p}` });
    }
  });

  it('never serves a file outside its directory', async () => {
    for (const p of [
      '/../outside-secret.txt',
      '/%2e%2e/outside-secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2foutside-secret.txt',
    ]) {
      const res = await fetch(base + p);
      expect(await res.text()).not.toBe('secret');
    }
  });

  it('serves the explorer to a browser at GET /graphql in development only; queries and POSTs stay with the API', async () => {
    const api = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ api: `${req.method} ${req.url}` }));
    };
    const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const explorer of [true, false]) {
      const s = http.createServer(withConsole(api, { dir, explorer }));
      await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
      const at = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
      const page = await fetch(`${at}/graphql`, { headers: html });
      if (explorer) {
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(await page.text()).toContain('GraphiQL');
        expect((await fetch(`${at}/explorer.html`)).status).toBe(200);
      } else {
        expect(await page.json()).toEqual({ api: 'GET /graphql' });
        expect((await fetch(`${at}/explorer.html`)).status).toBe(404);
      }
      const query = await fetch(`${at}/graphql?query=%7B__typename%7D`, { headers: html });
      expect(await query.json()).toEqual({ api: 'GET /graphql?query=%7B__typename%7D' });
      const json = await fetch(`${at}/graphql`, { headers: { accept: 'application/json' } });
      expect(await json.json()).toEqual({ api: 'GET /graphql' });
      const post = await fetch(`${at}/graphql`, { method: 'POST', headers: html });
      expect(await post.json()).toEqual({ api: 'POST /graphql' });
      s.closeAllConnections(); // unread bodies keep sockets busy
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });

  it('answers in Chinese when the console was not built', async () => {
    const bare = http.createServer(withConsole(() => undefined, { dir: path.join(dir, 'none') }));
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const res = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
    bare.closeAllConnections();
    await new Promise<void>((resolve) => bare.close(() => resolve()));
  });
});
