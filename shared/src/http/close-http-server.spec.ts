import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { closeHttpServer } from './close-http-server';

describe('closeHttpServer', () => {
  it('answers a request on a connection accepted before the close, and refuses new connections', async () => {
    const server = http.createServer((_req, res) => res.end('answered'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const early = net.connect({ port, host: '127.0.0.1' });
    await new Promise((r) => early.once('connect', r));
    await new Promise((r) => setTimeout(r, 20)); // accepted by the server, no request read yet
    const closed = closeHttpServer(server);
    await new Promise((r) => setTimeout(r, 100)); // its request arrives while the server drains
    const answer = new Promise<string>((resolve, reject) => {
      let text = '';
      early.on('data', (c: Buffer) => (text += c.toString()));
      early.on('end', () => resolve(text));
      early.on('error', reject);
    });
    early.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(await answer).toContain('answered');
    const refused = await new Promise<string>((resolve) => {
      const late = net.connect({ port, host: '127.0.0.1' });
      late.once('connect', () => resolve('connected'));
      late.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    await closed;
  });
});
