import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@sunlight/shared';
import { freePort } from '@sunlight/shared/testing';
import WebSocket, { WebSocketServer } from 'ws';
import { Balancer } from './balancer';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined, child: () => quiet };

/** A real HTTP server that answers with its name and the body it received, and echoes WebSocket messages. */
async function replica(name: string, ready = () => true) {
  const server = http.createServer((req, res) => {
    if (req.url === '/readyz') {
      res.writeHead(ready() ? 200 : 503).end();
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => res.end(JSON.stringify({ name, body })));
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => ws.on('message', (m: Buffer) => ws.send(`${name}:${m.toString()}`)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    stop: () =>
      new Promise<void>((r) => {
        for (const c of wss.clients) c.terminate();
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

async function post(port: number, body: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body });
  return { status: res.status, body: (await res.json()) as { name?: string; body?: string; errors?: unknown[] } };
}

describe('Balancer', () => {
  let balancer: Balancer | undefined;
  afterEach(() => balancer?.stop());

  it('sends requests to its targets in turn, bodies and all', async () => {
    const a = await replica('a');
    const b = await replica('b');
    balancer = new Balancer({
      name: 'test',
      host: '127.0.0.1',
      port: await freePort(),
      targets: [a, b].map(({ port }) => ({ host: '127.0.0.1', port })),
      logger: quiet,
      maxBodyBytes: 1024,
    });
    await balancer.start();
    const names = [];
    for (let i = 0; i < 4; i++) {
      const r = await post(balancer.port, `{"n":${i}}`);
      expect(r.body.body).toBe(`{"n":${i}}`);
      names.push(r.body.name);
    }
    expect(names).toEqual(['a', 'b', 'a', 'b']);
    await a.stop();
    await b.stop();
  });

  it('passes over a target that refuses connections, and answers 503 SERVICE_UNAVAILABLE when all do', async () => {
    const a = await replica('a');
    const down = await freePort(); // nothing listens there
    balancer = new Balancer({
      name: 'test',
      host: '127.0.0.1',
      port: await freePort(),
      targets: [
        { host: '127.0.0.1', port: down },
        { host: '127.0.0.1', port: a.port },
      ],
      logger: quiet,
      maxBodyBytes: 1024,
      giveUpMs: 300,
    });
    await balancer.start();
    for (let i = 0; i < 4; i++) expect((await post(balancer.port, '{}')).body.name).toBe('a');
    expect(balancer.counts.passedOver).toBeGreaterThan(0);
    expect(balancer.counts.unavailable).toBe(0);
    await a.stop();
    const none = await post(balancer.port, '{}');
    expect(none.status).toBe(503);
    expect(none.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) }),
    ]);
  });

  it('proxies WebSocket upgrades, passing over a refusing target', async () => {
    const b = await replica('b');
    balancer = new Balancer({
      name: 'test',
      host: '127.0.0.1',
      port: await freePort(),
      targets: [
        { host: '127.0.0.1', port: await freePort() },
        { host: '127.0.0.1', port: b.port },
      ],
      logger: quiet,
      maxBodyBytes: 1024,
    });
    await balancer.start();
    const ws = new WebSocket(`ws://127.0.0.1:${balancer.port}/graphql`);
    const reply = await new Promise<string>((resolve, reject) => {
      ws.on('open', () => ws.send('hello'));
      ws.on('message', (m: Buffer) => resolve(m.toString()));
      ws.on('error', reject);
    });
    expect(reply).toBe('b:hello');
    ws.close();
    await b.stop();
  });

  it('keeps a target whose /readyz answers 503 (draining) out of turn while another is ready', async () => {
    let drainingA = false;
    const a = await replica('a', () => !drainingA);
    const b = await replica('b');
    balancer = new Balancer({
      name: 'test',
      host: '127.0.0.1',
      port: await freePort(),
      targets: [a, b].map(({ port }) => ({ host: '127.0.0.1', port })),
      logger: quiet,
      maxBodyBytes: 1024,
      readyPath: '/readyz',
      checkMs: 50,
    });
    await balancer.start();
    drainingA = true;
    await new Promise((r) => setTimeout(r, 300));
    const names = [];
    for (let i = 0; i < 4; i++) names.push((await post(balancer.port, '{}')).body.name);
    expect(names).toEqual(['b', 'b', 'b', 'b']);
    drainingA = false;
    await new Promise((r) => setTimeout(r, 300));
    const after = new Set<string | undefined>();
    for (let i = 0; i < 4; i++) after.add((await post(balancer.port, '{}')).body.name);
    expect(after).toEqual(new Set(['a', 'b']));
    await a.stop();
    await b.stop();
  });
});
