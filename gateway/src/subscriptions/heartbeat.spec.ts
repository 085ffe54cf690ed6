import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { startHeartbeat } from './heartbeat';

describe('startHeartbeat: one ping round for every socket', () => {
  it('terminates a socket that does not answer a ping and keeps one that does', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => wss.once('listening', r));
    const stop = startHeartbeat(wss, 100);
    const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
    const open = (ws: WebSocket) => new Promise((r) => ws.once('open', r));
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
});
