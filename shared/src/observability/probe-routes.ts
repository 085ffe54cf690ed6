import type { HttpRoute } from '../http/graphql-http-handler';
import type { ComponentMetrics } from './metrics-registry';

/** One readiness condition: resolves to null when met, or to why it is not. */
export type ReadinessCheck = () => Promise<string | null>;

/** How long one readiness condition may take before it counts as not met. */
const CHECK_TIMEOUT_MS = 2000;

async function run(check: ReadinessCheck): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().catch((e: unknown) => (e instanceof Error ? e.message : String(e))), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The probes and metrics every process answers, apart from `/health` (which also reports on
 * neighbours, for people):
 * - `GET /livez`: the process answers HTTP (a liveness probe restarts it when it does not);
 * - `GET /readyz`: every readiness condition is met (a readiness probe takes it out of the
 *   Service until then), 200 or 503 with each condition's state;
 * - `GET /metrics`: Prometheus text from the component's registry.
 */
export function probeRoutes(
  component: string,
  metrics: ComponentMetrics,
  checks: Record<string, ReadinessCheck>,
): Record<string, HttpRoute> {
  return {
    'GET /livez': async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ component, status: 'live' }));
    },
    'GET /readyz': async (_req, res) => {
      const names = Object.keys(checks);
      const results = await Promise.all(names.map((n) => run(checks[n]!)));
      const failed = Object.fromEntries(names.flatMap((n, i) => (results[i] ? [[n, results[i]]] : [])));
      const ready = Object.keys(failed).length === 0;
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(
        JSON.stringify({
          component,
          status: ready ? 'ready' : 'not ready',
          checks: Object.fromEntries(names.map((n, i) => [n, results[i] ?? 'ok'])),
        }),
      );
    },
    'GET /metrics': async (_req, res) => {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
      res.end(text);
    },
  };
}
