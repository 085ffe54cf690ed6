import { lastCompleteMonth, Role } from '@sunlight/shared';
import { Client } from 'pg';
import { cityDashboardQuery, monthVariables } from '../support/dashboard-query';
import { startStack, type Stack } from '../support/start-stack';

const CITY = '139900000000';
const SUBGRAPHS = ['powers', 'cases', 'evaluations', 'complaints', 'alerts'];
// The gateway's alert feed polls the alerts subgraph in the background; those are not the dashboard's.
const BACKGROUND = /max\(seq\)|FROM alert WHERE seq >/;
// A service's subtree sums read the rollup rows changed since their last read before answering:
// one statement per request at most, shared by the requests that wait at the same moment, so how
// many one dashboard causes depends on how its requests to that subgraph overlap. Counted apart.
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

async function dashboard(): Promise<{
  units: number;
  statements: Record<string, number>;
  catchUps: Record<string, number>;
}> {
  const token = await stack.tokenFor(Role.INSPECTOR, CITY);
  counts.clear();
  catchUps.clear();
  seen.length = 0;
  counting = true;
  const r = await stack.gql<{ unit: { children: { children: unknown[] }[] } }>(DASHBOARD, {
    token,
    variables: VARIABLES,
  });
  counting = false;
  expect(r.errors).toBeUndefined();
  const units = 1 + r.data!.unit.children.length + r.data!.unit.children.reduce((n, c) => n + c.children.length, 0);
  return {
    units,
    statements: Object.fromEntries(SUBGRAPHS.map((s) => [s, counts.get(s) ?? 0])),
    catchUps: Object.fromEntries(STORES.map((s) => [s, catchUps.get(s) ?? 0])),
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
        `${large.units} units ${JSON.stringify(large.statements)} + catch-ups ${JSON.stringify(large.catchUps)}`,
    );
    expect(large.statements).toEqual(small.statements);
    // Statistics are summed in memory; only complaint statistics, which depend on the caller, are read by SQL.
    expect(large.statements).toEqual({ powers: 3, cases: 0, evaluations: 0, complaints: 3, alerts: 0 });
    // Catch-ups: a few per subgraph (its requests, less those that shared one), whatever the number of units.
    for (const d of [small, large]) {
      for (const s of STORES) {
        expect(d.catchUps[s]).toBeGreaterThanOrEqual(1);
        expect(d.catchUps[s]).toBeLessThanOrEqual(4);
      }
    }
    expect(seen.length).toBeGreaterThan(0);
  });
});
