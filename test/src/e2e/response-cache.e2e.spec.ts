import { composeSupergraph } from '@sunlight/deploy';
import { startGateway, type RunningGateway } from '@sunlight/gateway';
import { createLogger, Role, type Principal } from '@sunlight/shared';
import { fileCase, publishTestPower } from '../support/case-fixtures';
import { completeCase } from '../support/complete-case';
import { monthVariables } from '../support/dashboard-query';
import { startStack, type GqlResult, type Stack } from '../support/start-stack';
import { Subscriber } from '../support/ws-subscriber';

const CITY = '139900000000';
const COUNTY = '139901000000';
const SIBLING = '139902000000';
const TOWNSHIP = '139901001000';
const VILLAGE = '139901001001';

/** The current month in China Standard Time, e.g. `2026-12`. */
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

const FIGURES = `query($code: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  unit(code: $code) { code name caseStats(from: $from, to: $to) { filed open } complaintStats(from: $from, to: $to) { received } children { code caseStats(from: $from, to: $to) { filed } } }
}`;
const CATALOG = `query($unit: ID!) { powers(unit: $unit, first: 5) { totalCount edges { node { code name } } } }`;
const CASES = `query($code: ID!) { unit(code: $code) { code cases(first: 100) { edges { node { number status } } } } }`;

type Extensions = { asOf?: string; cacheStatus?: string };
interface Raw<T> extends GqlResult<T> {
  extensions?: Extensions;
}

describe('the gateway response cache', () => {
  let stack: Stack;
  let uncached: RunningGateway;

  /** POSTs to `url` and keeps the extensions too. */
  const post = async <T = Record<string, unknown>>(
    url: string,
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<Raw<T>> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: Raw<T>['errors']; extensions?: Extensions };
    return { status: res.status, data: body.data, errors: body.errors, extensions: body.extensions };
  };

  beforeAll(async () => {
    // A long maximum age: every refresh seen below must come from a change notice, not from age.
    stack = await startStack({
      alerts: true,
      responseCache: { maxBytes: 16 * 2 ** 20, maxAgeMs: 120_000, settleMs: 1000 },
    });
    // The same subgraphs behind a gateway without a cache: the truth every cached answer must equal.
    uncached = await startGateway({
      supergraphSdl: await composeSupergraph(),
      subgraphUrls: Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url])),
      tokens: stack.tokens,
      logger: createLogger('e2e-uncached'),
      port: 0,
      production: false,
      responseCache: { maxBytes: 0, maxAgeMs: 0, settleMs: 0 },
    });
  });
  afterAll(async () => {
    await uncached.stop();
    await stack.stop();
  });

  it('never serves an answer across scopes: every caller gets what an uncached gateway gives it, for every operation', async () => {
    const principals: Principal[] = [
      { subject: 'inspector.county', role: Role.INSPECTOR, unit: COUNTY },
      { subject: 'inspector.sibling', role: Role.INSPECTOR, unit: SIBLING },
      { subject: 'inspector.city', role: Role.INSPECTOR, unit: CITY },
      { subject: 'leader.county', role: Role.LEADER, unit: COUNTY },
      { subject: 'clerk.county.a', role: Role.CLERK, unit: COUNTY, department: 'dept-a' },
      { subject: 'clerk.county.b', role: Role.CLERK, unit: COUNTY, department: 'dept-b' },
      { subject: 'leader.township', role: Role.LEADER, unit: TOWNSHIP },
    ];
    const callers: (string | undefined)[] = [
      undefined,
      ...(await Promise.all(principals.map((p) => stack.tokens.issue(p)))),
    ];
    const month = monthVariables(thisMonth());
    const operations = [
      ...[CITY, COUNTY, SIBLING, TOWNSHIP].map((code) => ({
        query: FIGURES,
        variables: { code, from: month.from, to: month.to },
      })),
      ...[COUNTY, SIBLING].map((unit) => ({ query: CATALOG, variables: { unit } })),
      ...[COUNTY, SIBLING].map((code) => ({ query: CASES, variables: { code } })),
    ];
    let hits = 0;
    let keepable = 0;
    // Every caller asks every operation twice through the cache (the second answer may be a hit);
    // callers take turns, so each key is filled by one caller and then asked by all the others.
    for (const op of operations) {
      for (let round = 0; round < 2; round++) {
        for (const token of callers) {
          const cached = await post(stack.gatewayUrl, op.query, op.variables, token);
          const truth = await post(uncached.url, op.query, op.variables, token);
          expect({ data: cached.data ?? null, codes: (cached.errors ?? []).map((e) => e.extensions?.code) }).toEqual({
            data: truth.data ?? null,
            codes: (truth.errors ?? []).map((e) => e.extensions?.code),
          });
          if (cached.extensions?.cacheStatus === 'HIT') hits++;
          if (round === 0) {
            expect(cached.extensions?.cacheStatus).not.toBe('HIT'); // a first request is never someone else's entry
            if (!cached.errors) keepable++;
          }
        }
      }
    }
    // Every answer without errors was kept and served again to the same caller alone: the
    // comparison above was not vacuous.
    expect(keepable).toBeGreaterThan(20);
    expect(hits).toBe(keepable);
    // The public's catalog answer comes from its own entry.
    const pub = await post(stack.gatewayUrl, CATALOG, { unit: COUNTY });
    expect(pub.extensions).toMatchObject({ cacheStatus: 'HIT' });
    expect(new Date(pub.extensions!.asOf!).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('answers from memory until something in the scope changes, then shows the change (asOf moves past the commit)', async () => {
    const month = monthVariables(thisMonth());
    const inspector = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const variables = { code: COUNTY, from: month.from, to: month.to };
    const filed = async () =>
      (await post<{ unit: { caseStats: { filed: number } } }>(stack.gatewayUrl, FIGURES, variables, inspector)).data!
        .unit.caseStats.filed;
    const before = await post<{ unit: { caseStats: { filed: number } } }>(
      stack.gatewayUrl,
      FIGURES,
      variables,
      inspector,
    );
    const again = await post(stack.gatewayUrl, FIGURES, variables, inspector);
    expect(again.extensions?.cacheStatus).toBe('HIT');
    expect(again.extensions?.asOf).toBe(before.extensions?.asOf);
    expect(again.data).toEqual(before.data);
    // The answer a HIT gets without Apollo is only for JSON posts: a "simple" cross-site POST is
    // still refused by Apollo's CSRF prevention, never answered from the cache.
    const simple = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${inspector}` },
      body: JSON.stringify({ query: FIGURES, variables }),
    });
    expect(simple.status).toBe(400);

    const powerId = await publishTestPower(stack, { unit: VILLAGE, code: 'CACHE-1' });
    const result = await fileCase(stack, VILLAGE, powerId, 'cache-file-1');
    expect(result.errors).toBeUndefined();
    const committed = Date.now();
    let now = await filed();
    while (now === before.data!.unit.caseStats.filed && Date.now() - committed < 5000) {
      await new Promise((r) => setTimeout(r, 50));
      now = await filed();
    }
    expect(now).toBe(before.data!.unit.caseStats.filed + 1);
    const after = await post(stack.gatewayUrl, FIGURES, variables, inspector);
    expect(new Date(after.extensions!.asOf!).getTime()).toBeGreaterThan(new Date(before.extensions!.asOf!).getTime());

    // A change in the sibling county leaves this county's entry alone.
    const settled = await post(stack.gatewayUrl, FIGURES, variables, inspector);
    const siblingPower = await publishTestPower(stack, { unit: SIBLING, code: 'CACHE-2' });
    expect((await fileCase(stack, SIBLING, siblingPower, 'cache-file-2')).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 200));
    const untouched = await post(stack.gatewayUrl, FIGURES, variables, inspector);
    if (Date.now() - new Date(settled.extensions!.asOf!).getTime() < 2000)
      expect(untouched.extensions).toMatchObject({ cacheStatus: 'HIT', asOf: settled.extensions!.asOf });
  });

  it("hears a plain rating, which publishes no event, through its rollup's notice", async () => {
    const month = monthVariables(thisMonth());
    const query =
      'query($code: ID!, $from: String!, $to: String!) { unit(code: $code) { satisfaction(from: $from, to: $to) { count } } }';
    const variables = { code: TOWNSHIP, from: month.dFrom, to: month.dTo };
    const count = async () => {
      const r = await post<{ unit: { satisfaction: { count: number } } }>(stack.gatewayUrl, query, variables);
      return { count: r.data!.unit.satisfaction.count, status: r.extensions?.cacheStatus };
    };
    const powerId = await publishTestPower(stack, { unit: TOWNSHIP, code: 'CACHE-5' });
    const c = await completeCase(stack, TOWNSHIP, powerId, 'cache-rate');
    await new Promise((r) => setTimeout(r, 1500)); // the case's own change notices (and their echo) are over
    const before = await count();
    expect((await count()).status).toBe('HIT');
    const rated = await stack.gql(
      'mutation($input: RateCaseInput!, $key: String!) { rateCase(input: $input, idempotencyKey: $key) { id } }',
      {
        variables: {
          key: 'cache-rate-1',
          input: { caseNumber: c.number, queryCode: c.queryCode, stepNo: 3, score: 5 },
        },
      },
    );
    expect(rated.errors).toBeUndefined();
    const deadline = Date.now() + 5000;
    let now = await count();
    while (now.count === before.count && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      now = await count();
    }
    expect(now.count).toBe(before.count + 1);
  });

  it('lets a writer read its own write at once', async () => {
    const clerk = await stack.tokenFor(Role.CLERK, VILLAGE);
    const list = async () =>
      (await post<{ unit: { cases: { edges: unknown[] } } }>(stack.gatewayUrl, CASES, { code: VILLAGE }, clerk)).data!
        .unit.cases.edges.length;
    const before = await list();
    expect(await list()).toBe(before);
    const powerId = await publishTestPower(stack, { unit: VILLAGE, code: 'CACHE-3' });
    expect((await fileCase(stack, VILLAGE, powerId, 'cache-file-3')).errors).toBeUndefined();
    expect(await list()).toBe(before + 1);
  });

  it('pushes a live screen fresh figures after a commit in its subtree, and only in its subtree', async () => {
    const month = monthVariables(thisMonth());
    const screen = `subscription($unit: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { dashboardUpdated(unit: $unit) { code caseStats(from: $from, to: $to) { filed } } }`;
    const county = await new Subscriber(stack.gatewayUrl, await stack.tokenFor(Role.INSPECTOR, COUNTY), screen, {
      unit: COUNTY,
      from: month.from,
      to: month.to,
    }).start();
    const sibling = await new Subscriber(stack.gatewayUrl, await stack.tokenFor(Role.INSPECTOR, SIBLING), screen, {
      unit: SIBLING,
      from: month.from,
      to: month.to,
    }).start();
    const trespasser = await new Subscriber(stack.gatewayUrl, await stack.tokenFor(Role.INSPECTOR, SIBLING), screen, {
      unit: COUNTY,
      from: month.from,
      to: month.to,
    }).start();
    try {
      await county.waitFor(1);
      await sibling.waitFor(1);
      const first = (county.received[0]!.data['dashboardUpdated'] as { caseStats: { filed: number } }).caseStats.filed;
      const powerId = await publishTestPower(stack, { unit: VILLAGE, code: 'CACHE-4' });
      expect((await fileCase(stack, VILLAGE, powerId, 'cache-file-4')).errors).toBeUndefined();
      await county.waitFor(2, 10_000);
      expect(county.received[1]!.data['dashboardUpdated']).toEqual({ code: COUNTY, caseStats: { filed: first + 1 } });
      await new Promise((r) => setTimeout(r, 1500));
      expect(sibling.received).toHaveLength(1); // nothing changed there: nothing pushed
      expect(trespasser.received).toHaveLength(0);
      expect(JSON.stringify(trespasser.errors)).toContain('OUT_OF_SCOPE');
    } finally {
      await Promise.all([county.close(), sibling.close(), trespasser.close()]);
    }
  });
});
