import type http from 'node:http';

/**
 * Stops `server` gracefully: it accepts no new connection; after `settleMs` it closes idle
 * keep-alive sockets and then every socket that goes idle after its answer (checked every 50 ms),
 * so requests in flight finish; whatever still runs after `graceMs` is cut. Resolves when the
 * server is closed.
 *
 * Why the settle: a connection accepted just before the close whose request bytes the server has
 * not read yet counts as idle, and closing it at once resets a request the server never saw (a
 * balancer in front, `npm run start:cluster`, got ECONNRESET instead of an answer, seen in the
 * rolling-restart test). Within the settle its request is read and answered like any other.
 */
export function closeHttpServer(server: http.Server, graceMs = 10_000, settleMs = 300): Promise<void> {
  return new Promise<void>((resolve) => {
    let idle: NodeJS.Timeout | undefined;
    // A socket kept alive after its last answer would hold close() until keepAliveTimeout (65 s).
    const settle = setTimeout(() => {
      server.closeIdleConnections();
      idle = setInterval(() => server.closeIdleConnections(), 50);
      idle.unref();
    }, settleMs);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    settle.unref();
    force.unref();
    server.close(() => {
      clearTimeout(settle);
      clearInterval(idle);
      clearTimeout(force);
      resolve();
    });
  });
}
