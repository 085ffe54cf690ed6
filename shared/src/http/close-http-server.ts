import type http from 'node:http';

/**
 * Stops `server` gracefully: it accepts no new connection, closes idle keep-alive sockets at once
 * and every socket that goes idle after its answer (checked every 50 ms), so requests in flight
 * finish; whatever still runs after `graceMs` is cut. Resolves when the server is closed.
 */
export function closeHttpServer(server: http.Server, graceMs = 10_000): Promise<void> {
  return new Promise<void>((resolve) => {
    // A socket kept alive after its last answer would hold close() until keepAliveTimeout (65 s).
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    idle.unref();
    force.unref();
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
