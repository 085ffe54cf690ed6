import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { startHeartbeat } from './heartbeat';

/** A socket server with a heartbeat of `intervalMs`, and its URL. */
async function heartbeatServer(intervalMs: number) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  const stop = startHeartbeat(wss, intervalMs);
  return { wss, stop, url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}` };
}

const open = (ws: WebSocket) => new Promise((r) => ws.once('open', r));

describe('startHeartbeat: every socket pinged once a round, the round spread over turns', () => {
  it('terminates a socket that does not answer a ping and keeps one that does', async () => {
    const { wss, stop, url } = await heartbeatServer(100);
    const answering = new WebSocket(url);
    const silent = new WebSocket(url, { autoPong: false });
    const closedAt = new Promise<number>((r) => silent.once('close', (code) => r(code)));
    await Promise.all([open(answering), open(silent)]);
    expect(await closedAt).toBe(1006); // terminated: no close frame
    await new Promise((r) => setTimeout(r, 350)); // three more rounds
    expect(answering.readyState).toBe(WebSocket.OPEN);
    expect(wss.clients.size).toBe(1);
    stop();
    answering.close();
    await new Promise((r) => wss.close(r));
  });

  it('reaches every socket, whatever its turn: all the silent ones go within two rounds, none that answers', async () => {
    const { wss, stop, url } = await heartbeatServer(200);
    const answering = Array.from({ length: 12 }, () => new WebSocket(url));
    const silent = Array.from({ length: 12 }, () => new WebSocket(url, { autoPong: false }));
    const closed = silent.map((ws) => new Promise<number>((r) => ws.once('close', (code) => r(code))));
    await Promise.all([...answering, ...silent].map(open));
    try {
      const started = Date.now();
      expect(await Promise.all(closed)).toEqual(silent.map(() => 1006));
      expect(Date.now() - started).toBeLessThan(1000); // two rounds of 200 ms, with room for a slow machine
      for (let t = 0; t < 50 && wss.clients.size > 12; t++) await new Promise((r) => setTimeout(r, 10)); // the server's side closes just after
      expect(answering.every((ws) => ws.readyState === WebSocket.OPEN)).toBe(true);
      expect(wss.clients.size).toBe(12);
    } finally {
      stop();
      for (const ws of [...answering, ...silent]) ws.terminate();
      await new Promise((r) => wss.close(r));
    }
  });
});
