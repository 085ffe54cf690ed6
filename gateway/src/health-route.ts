import type { HttpRoute } from '@sunlight/shared';

/** `GET /health`: the gateway is up; each subgraph's own /health, with its latency. 503 when any is down. */
export function healthRoute(subgraphs: Record<string, string>): HttpRoute {
  return async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(subgraphs).map(async ([name, url]) => {
        const started = Date.now();
        try {
          const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2000) });
          const body = (await response.json()) as { status?: string; database?: string };
          return {
            name,
            status: response.ok ? 'ok' : 'degraded',
            database: body.database ?? 'unknown',
            ms: Date.now() - started,
          };
        } catch {
          return { name, status: 'down', database: 'unknown', ms: Date.now() - started };
        }
      }),
    );
    const ok = checks.every((c) => c.status === 'ok');
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        status: ok ? 'ok' : 'degraded',
        subgraphs: Object.fromEntries(checks.map(({ name, ...rest }) => [name, rest])),
      }),
    );
  };
}
