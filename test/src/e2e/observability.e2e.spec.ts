import { publishEvent, Role, SUBGRAPH_DIRECTORY } from '@sunlight/shared';
import { fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';
import { Subscriber } from '../support/ws-subscriber';

const CITY = '139900000000';
const COUNTY = '139901000000';
const VILLAGE = '139901001001';

/** One sample's value from Prometheus text: the line whose name and labels contain all of `parts`. */
function sample(text: string, name: string, ...parts: string[]): number | undefined {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && parts.every((p) => l.slice(0, l.lastIndexOf(' ')).includes(p)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/**
 * Every process of the federation answers the probes and Prometheus `/metrics` over real HTTP:
 * liveness and readiness apart, GraphQL requests by operation, the gateway's subgraph fetches,
 * cache lookups, live subscriptions and alert deliveries, each subgraph's database pools, the
 * alerts consumer's outbox lag.
 */
describe('observability: probes and metrics on every process', () => {
  let stack: Stack;
  const origin = (url: string) => new URL(url).origin;
  const get = async (url: string) => {
    const r = await fetch(url);
    return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
  };

  beforeAll(async () => {
    stack = await startStack({ alerts: true });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers /livez and /readyz on the gateway and on every subgraph, with the conditions checked', async () => {
    const gateway = origin(stack.gatewayUrl);
    expect((await get(`${gateway}/livez`)).status).toBe(200);
    const ready = await get(`${gateway}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({
      component: 'gateway',
      status: 'ready',
      checks: { draining: 'ok', supergraph: 'ok' },
    });
    for (const { name } of SUBGRAPH_DIRECTORY) {
      const base = origin(stack.subgraphs[name]!.url);
      expect((await get(`${base}/livez`)).status).toBe(200);
      const r = await get(`${base}/readyz`);
      expect([name, r.status]).toEqual([name, 200]);
      expect(JSON.parse(r.text).checks).toEqual({ draining: 'ok', database: 'ok', migrations: 'ok' });
    }
  });

  it("counts the gateway's requests by operation and outcome, and its fetches from each subgraph", async () => {
    const token = await stack.tokenFor(Role.LEADER, COUNTY);
    const before = (await get(`${origin(stack.gatewayUrl)}/metrics`)).text;
    const ok = 'query ObservedUnit($code: ID!) { unit(code: $code) { code name } }';
    for (let i = 0; i < 3; i++)
      expect((await stack.gql(ok, { token, variables: { code: COUNTY } })).errors).toBeUndefined();
    const refused = await stack.gql(ok, { token, variables: { code: CITY } });
    const code = refused.errors?.[0]?.extensions?.code;
    expect(code).toBeDefined();

    const after = await get(`${origin(stack.gatewayUrl)}/metrics`);
    expect(after.status).toBe(200);
    expect(after.type).toContain('text/plain');
    const requests = (text: string, outcome: string) =>
      sample(text, 'sunlight_graphql_requests_total', 'operation="ObservedUnit"', `outcome="${outcome}"`) ?? 0;
    expect(requests(after.text, 'ok') - requests(before, 'ok')).toBe(3);
    expect(requests(after.text, String(code)) - requests(before, String(code))).toBe(1);
    expect(
      sample(after.text, 'sunlight_graphql_request_duration_seconds_count', 'operation="ObservedUnit"'),
    ).toBeGreaterThanOrEqual(4);
    // the unit is the powers subgraph's: its fetches are timed, answered 200
    expect(
      sample(after.text, 'sunlight_subgraph_fetch_duration_seconds_count', 'subgraph="powers"', 'outcome="200"'),
    ).toBeGreaterThan(0);
    expect(sample(after.text, 'sunlight_response_cache_lookups_total', 'result="miss"')).toBeGreaterThan(0);
    // and the powers subgraph counted the same operation, as the gateway named it to it
    const powers = (await get(`${origin(stack.subgraphs['powers']!.url)}/metrics`)).text;
    expect(sample(powers, 'sunlight_graphql_requests_total', 'component="powers"')).toBeGreaterThan(0);
    expect(sample(powers, 'sunlight_db_pool_connections', 'pool="service"', 'state="idle"')).toBeGreaterThanOrEqual(0);
  });

  it('shows the open live connections and subscriptions, and drops them when the subscriber leaves', async () => {
    const metrics = async () => (await get(`${origin(stack.gatewayUrl)}/metrics`)).text;
    const live = async () => [
      sample(await metrics(), 'sunlight_live_connections', 'component="gateway"'),
      sample(await metrics(), 'sunlight_live_subscriptions', 'component="gateway"'),
    ];
    expect(await live()).toEqual([0, 0]);
    const subscriber = new Subscriber(
      stack.gatewayUrl,
      await stack.tokenFor(Role.INSPECTOR, COUNTY),
      'subscription { alertRaised { id } }',
    );
    await subscriber.start();
    try {
      expect(await live()).toEqual([1, 1]);
    } finally {
      await subscriber.close();
    }
    const deadline = Date.now() + 5000;
    while ((await live())[0] !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await live()).toEqual([0, 0]);
  });

  it('registers the cards-raised counter on the cases service (zero while its scheduler is off)', async () => {
    const cases = (await get(`${origin(stack.subgraphs['cases']!.url)}/metrics`)).text;
    expect(sample(cases, 'sunlight_cards_raised_total', 'component="cases"')).toBe(0);
  });

  it("times the alerts consumer's outbox lag and the gateway's live alert deliveries", async () => {
    const powerId = await publishTestPower(stack, {
      unit: VILLAGE,
      code: 'METRICS-1',
      steps: [
        { name: '受理', days: 5 },
        { name: '决定', days: 5 },
      ],
      statutoryDays: 12,
      promisedDays: 10,
    });
    const filed = await fileCase(stack, VILLAGE, powerId, 'metrics-file-1');
    const { id: caseId, number } = filed.data!.fileCase.case;
    const subscriber = new Subscriber(
      stack.gatewayUrl,
      await stack.tokenFor(Role.INSPECTOR, COUNTY),
      'subscription { alertRaised(filter: { kinds: [CARD] }) { id level } }',
    );
    await subscriber.start();
    try {
      // a red card as the card scheduler publishes it, through the cases outbox
      await stack.subgraphs['cases']!.dataSource.transaction((em) =>
        publishEvent(em, 'cases', {
          topic: 'case.card_raised',
          unitCode: VILLAGE,
          aggregateId: caseId,
          payload: { caseId, number, powerId, powerVersion: 1, level: 'RED', step: 1, reason: 'overdue', hash: 'm-1' },
        }),
      );
      await subscriber.waitFor(1, 15_000);
      expect(subscriber.received.map((r) => (r.data['alertRaised'] as { level: string }).level)).toEqual(['RED']);
    } finally {
      await subscriber.close();
    }
    const alerts = (await get(`${origin(stack.subgraphs['alerts']!.url)}/metrics`)).text;
    expect(
      sample(alerts, 'sunlight_outbox_lag_seconds_count', 'consumer="alerts"', 'source="cases"'),
    ).toBeGreaterThanOrEqual(1);
    const gateway = (await get(`${origin(stack.gatewayUrl)}/metrics`)).text;
    expect(sample(gateway, 'sunlight_alert_delivery_seconds_count', 'component="gateway"')).toBe(1);
    const within30s = sample(gateway, 'sunlight_alert_delivery_seconds_bucket', 'le="30"');
    expect(within30s).toBe(1);
  });
});
