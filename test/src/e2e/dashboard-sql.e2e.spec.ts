import { lastCompleteMonth, Role } from '@sunlight/shared';
import { Client } from 'pg';
import { cityDashboardQuery, monthVariables } from '../support/dashboard-query';
import { startStack, type Stack } from '../support/start-stack';

const CITY = '139900000000';
const SUBGRAPHS = ['powers', 'cases', 'evaluations', 'complaints', 'alerts'];
// The gateway's alert feed polls the alerts subgraph in the background; those are not the dashboard's.
const BACKGROUND = /max\(seq\)|FROM alert WHERE seq >/;
// A service's subtree sums read the rollup rows changed since their last read before answering:
// one statement per turn of the event loop in which loaders read them, shared by all that read in
// that turn, so how many one dashboard causes depends on how its requests' loaders fall into turns.
// Counted apart.
const CATCH_UP = /pg_snapshot_xmin\(pg_current_snapshot\(\)\) AS horizon/;
const STORES = ['cases', 'evaluations', 'complaints', 'alerts'];

const DASHBOARD = cityDashboardQuery(CITY);
const VARIABLES = monthVariables(lastCompleteMonth(new Date()));

let stack: Stack;
let db: Client;
let counting = false;
const counts = new Map<string, number>();
const catchUps = new Map<string, number>();
const seen: string[] = [];

beforeAll(async () => {
  // The services' subtree sums catch up before each read; without their background refresh,
  // every statement counted here is one the dashboard caused.
  process.env['STATS_REFRESH_MS'] = '0';
  stack = await startStack({
    // Peer data is fetched afresh for every request, so its statements are counted too; the
    // gateway's response cache is off, since this counts what the subgraphs do for one dashboard.
    riskPeersTtlMs: 0,
    responseCache: { maxBytes: 0, maxAgeMs: 0, settleMs: 0 },
    onQuery: (subgraph, sql) => {
      if (!counting || BACKGROUND.test(sql)) return;
      if (CATCH_UP.test(sql)) return void catchUps.set(subgraph, (catchUps.get(subgraph) ?? 0) + 1);
      counts.set(subgraph, (counts.get(subgraph) ?? 0) + 1);
      seen.push(`${subgraph}: ${sql.replace(/\s+/g, ' ').slice(0, 120)}`);
    },
  });
  db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

/** The gateway's fetches of each subgraph so far, from its own /metrics (the alert feed's polls are not among them). */
async function subgraphFetches(): Promise<Record<string, number>> {
  const text = await (await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(
    /^sunlight_subgraph_fetch_duration_seconds_count\{[^}]*subgraph="(\w+)"[^}]*\} (\d+)/gm,
  ))
    out[m[1]!] = (out[m[1]!] ?? 0) + Number(m[2]);
  return out;
}

async function dashboard(): Promise<{
  units: number;
  statements: Record<string, number>;
  catchUps: Record<string, number>;
  requests: Record<string, number>;
}> {
  const token = await stack.tokenFor(Role.INSPECTOR, CITY);
  counts.clear();
  catchUps.clear();
  const before = await subgraphFetches();
  seen.length = 0;
  counting = true;
  const r = await stack.gql<{ unit: { children: { children: unknown[] }[] } }>(DASHBOARD, {
    token,
    variables: VARIABLES,
  });
  counting = false;
  const after = await subgraphFetches();
  expect(r.errors).toBeUndefined();
  const units = 1 + r.data!.unit.children.length + r.data!.unit.children.reduce((n, c) => n + c.children.length, 0);
  return {
    units,
    statements: Object.fromEntries(SUBGRAPHS.map((s) => [s, counts.get(s) ?? 0])),
    catchUps: Object.fromEntries(STORES.map((s) => [s, catchUps.get(s) ?? 0])),
    requests: Object.fromEntries(SUBGRAPHS.map((s) => [s, (after[s] ?? 0) - (before[s] ?? 0)])),
  };
}

describe('the city dashboard costs a bounded number of SQL statements per subgraph (no N+1)', () => {
  it('costs the same statements for 21 units as for 93', async () => {
    await dashboard(); // first request of each subgraph: nothing to warm, but keep the two measured ones alike
    const small = await dashboard();
    // Grow the city: 24 more townships in the first county and 48 more in the second, straight into the unit tree.
    for (const [county, n] of [
      ['139901', 24],
      ['139902', 48],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const code = `${county}${String(500 + i).padStart(3, '0')}000`;
        await db.query('INSERT INTO powers.unit (code, name, tier, parent_code) VALUES ($1, $2, $3, $4)', [
          code,
          `新设${i + 1}镇`,
          'TOWNSHIP',
          `${county}000000`,
        ]);
      }
    }
    const large = await dashboard();
    expect(small.units).toBe(21);
    expect(large.units).toBe(93);
    console.log(
      `dashboard SQL statements per subgraph: ${small.units} units ${JSON.stringify(small.statements)} + catch-ups ${JSON.stringify(small.catchUps)}; ` +
        `${large.units} units ${JSON.stringify(large.statements)} + catch-ups ${JSON.stringify(large.catchUps)}; requests ${JSON.stringify(large.requests)}`,
    );
    expect(large.statements).toEqual(small.statements);
    // Statistics are summed in memory; only complaint statistics, which depend on the caller, are read by SQL.
    expect(large.statements).toEqual({ powers: 3, cases: 0, evaluations: 0, complaints: 3, alerts: 0 });
    // The gateway asks each subgraph as often for 93 units as for 21 (entities are fetched in batches).
    expect(large.requests).toEqual(small.requests);
    // Catch-ups: the loaders that reach a subtree store in one turn of the event loop share one, so
    // a request causes one per turn in which its loaders read the store (seen: 3 requests to cases
    // caused 3 to 5, depending on how their loaders' turns fell), whatever the number of units. The
    // bound was a fixed 4, which held only while the turns overlapped; it is now two per request.
    for (const d of [small, large]) {
      for (const s of STORES) {
        expect(d.catchUps[s]).toBeGreaterThanOrEqual(1);
        expect(d.catchUps[s]).toBeLessThanOrEqual(2 * d.requests[s]!);
      }
    }
    expect(seen.length).toBeGreaterThan(0);
  });
});
