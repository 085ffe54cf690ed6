import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ComponentMetrics, MAX_OPERATION_LABELS } from './metrics-registry';
import { probeRoutes, type ReadinessCheck } from './probe-routes';

/** Serves `routes` on loopback (real HTTP) and returns a GET helper. */
async function serve(routes: ReturnType<typeof probeRoutes>) {
  const server = http.createServer((req, res) => {
    const route = routes[`${req.method} ${req.url}`];
    if (route) void route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string) => {
    const r = await fetch(base + path);
    return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
  };
  return { get, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('probeRoutes', () => {
  it('answers /livez, /readyz with each condition, and /metrics in the Prometheus text format', async () => {
    const metrics = new ComponentMetrics('spec');
    let database: string | null = 'connection refused';
    const checks: Record<string, ReadinessCheck> = { database: async () => database, migrations: async () => null };
    const s = await serve(probeRoutes('spec', metrics, checks));
    try {
      expect(await s.get('/livez')).toMatchObject({ status: 200 });
      const notReady = await s.get('/readyz');
      expect(notReady.status).toBe(503);
      expect(JSON.parse(notReady.text)).toEqual({
        component: 'spec',
        status: 'not ready',
        checks: { database: 'connection refused', migrations: 'ok' },
      });
      database = null;
      const ready = await s.get('/readyz');
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.text).status).toBe('ready');

      metrics.requests.inc({ operation: metrics.operationLabel('CityDashboard'), outcome: 'ok' });
      const scraped = await s.get('/metrics');
      expect(scraped.status).toBe(200);
      expect(scraped.type).toContain('text/plain');
      expect(scraped.text).toContain(
        'sunlight_graphql_requests_total{operation="CityDashboard",outcome="ok",component="spec"} 1',
      );
      expect(scraped.text).toMatch(/^process_cpu_user_seconds_total\{component="spec"\} /m);
    } finally {
      await s.close();
    }
  });

  it('counts a condition that throws or does not answer within 2 s as not met', async () => {
    const checks: Record<string, ReadinessCheck> = {
      throws: async () => {
        throw new Error('permission denied for table migrations');
      },
      hangs: () => new Promise(() => undefined),
    };
    const s = await serve(probeRoutes('spec', new ComponentMetrics('spec'), checks));
    try {
      const r = await s.get('/readyz');
      expect(r.status).toBe(503);
      expect(JSON.parse(r.text).checks).toEqual({
        throws: 'permission denied for table migrations',
        hangs: 'no answer within 2000 ms',
      });
    } finally {
      await s.close();
    }
  });
});

describe('ComponentMetrics.operationLabel', () => {
  it('keeps GraphQL operation names as labels up to a bound; anonymous, odd and later names are grouped', () => {
    const m = new ComponentMetrics('spec');
    expect(m.operationLabel(undefined)).toBe('anonymous');
    expect(m.operationLabel('Screen Unit')).toBe('other');
    expect(m.operationLabel('x'.repeat(65))).toBe('other');
    for (let i = 0; i < MAX_OPERATION_LABELS; i++) expect(m.operationLabel(`Op${i}`)).toBe(`Op${i}`);
    expect(m.operationLabel('OneTooMany')).toBe('other');
    expect(m.operationLabel('Op7')).toBe('Op7'); // a name already kept stays
  });
});
