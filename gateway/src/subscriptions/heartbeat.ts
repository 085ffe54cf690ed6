import type { WebSocket, WebSocketServer } from 'ws';

/** How many turns a heartbeat round is spread over. */
const TURNS = 10;

/**
 * Keeps the server's sockets honest: each socket is pinged once every `intervalMs`, and one that
 * has not answered its previous ping by then is terminated (its peer is gone without a close: a
 * dropped network, a sleeping laptop), so a dead peer is let go within two intervals. This is the
 * heartbeat the ws library documents; it stands in for graphql-ws's own keep-alive, which holds an
 * interval, a timeout and a listener per socket.
 *
 * The round is spread over {@link TURNS} turns, each pinging the sockets whose turn it is: pinging
 * ten thousand sockets at once held the gateway for a few hundred milliseconds, and their pongs as
 * long again, with deliveries waiting behind them.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs = 20_000): () => void {
  const waiting = new WeakSet<WebSocket>();
  const turnOf = new WeakMap<WebSocket, number>();
  let joined = 0;
  function answered(this: WebSocket): void {
    waiting.delete(this);
  }
  wss.on('connection', (socket) => {
    turnOf.set(socket, joined++ % TURNS);
    socket.on('pong', answered);
  });
  let turn = 0;
  const timer = setInterval(
    () => {
      const now = turn;
      turn = (turn + 1) % TURNS;
      for (const socket of wss.clients) {
        if (turnOf.get(socket) !== now) continue;
        if (waiting.has(socket)) {
          socket.terminate();
          continue;
        }
        waiting.add(socket);
        socket.ping();
      }
    },
    Math.max(1, Math.floor(intervalMs / TURNS)),
  ).unref();
  return () => clearInterval(timer);
}
