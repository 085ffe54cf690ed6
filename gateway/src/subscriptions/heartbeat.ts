import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Keeps the server's sockets honest with one ping round for all of them every `intervalMs`: a
 * socket that has not answered the previous round's ping is terminated (its peer is gone without
 * a close: a dropped network, a sleeping laptop). This is the heartbeat the ws library documents;
 * it stands in for graphql-ws's own keep-alive, which holds an interval, a timeout and a listener
 * per socket.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs = 12_000): () => void {
  const waiting = new WeakSet<WebSocket>();
  function answered(this: WebSocket): void {
    waiting.delete(this);
  }
  wss.on('connection', (socket) => socket.on('pong', answered));
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (waiting.has(socket)) {
        socket.terminate();
        continue;
      }
      waiting.add(socket);
      socket.ping();
    }
  }, intervalMs).unref();
  return () => clearInterval(timer);
}
