import { Role } from '@sunlight/shared';
import { startStack, type Stack } from '../support/start-stack';
import { Subscriber } from '../support/ws-subscriber';

const CITY = '139900000000';
const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const VILLAGE = '139901001001';
/** Where the demo history files the cases whose clocks cross a card threshold at the next working day. */
const WATCHED = [COUNTY, TOWNSHIP];
const ALERTS = `subscription($after: ID) {
  alertRaised(filter: { kinds: [CARD] }, after: $after) { id kind level unit { code } case { number } }
}`;
const SCHEDULER_MS = 5000;

interface LiveAlert {
  kind: string;
  level: string;
  unit: { code: string };
  case: { number: string } | null;
}

/**
 * `npm start` on a fresh DATA_DIR writes the demo city's history before the services start; this
 * starts the stack the same way (the same `prepareDemoDatabase`) and looks at what a city
 * inspector and a leader see: the cards due since the history's cut-off raised live by the card
 * scheduler, non-zero dashboards and a calculated risk index at every tier below the city.
 */
describe('the demo city with twelve months of history', () => {
  let stack: Stack;
  let startedAt: number;
  const open: Subscriber[] = [];

  beforeAll(async () => {
    startedAt = Date.now();
    stack = await startStack({ demoHistory: true, alerts: true, cases: { schedulerIntervalMs: SCHEDULER_MS } });
  }, 600_000);
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close().catch(() => undefined)));
    await stack?.stop();
  });

  it('raises a REMINDER, a YELLOW and a RED card live on the watched cases, and a city inspector receives them', async () => {
    expect(stack.history).not.toBeNull();
    // Nothing in the history is later than its cut-off, which is before now.
    const ds = stack.subgraphs['cases']!.dataSource;
    const cutOff = Date.parse(stack.history!.window.cutOff);
    expect(cutOff).toBeLessThan(startedAt);
    // The last alert of the history: a subscriber replays from it, so a card raised while it connected is not missed.
    const [last]: { id: string }[] = await stack.subgraphs['alerts']!.dataSource.query(
      'SELECT id FROM alert WHERE source_event_id = 0 ORDER BY seq DESC LIMIT 1',
    );
    const inspector = new Subscriber(stack.gatewayUrl, await stack.tokenFor(Role.INSPECTOR, CITY), ALERTS, {
      after: last!.id,
    });
    open.push(inspector);
    await inspector.start();

    const watched = (level: string) =>
      inspector.received
        .map((r) => r.data['alertRaised'] as LiveAlert)
        .some((a) => a.kind === 'CARD' && a.level === level && WATCHED.includes(a.unit.code));
    const deadline = Date.now() + 5 * 60_000;
    while (!(watched('REMINDER') && watched('YELLOW') && watched('RED')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 500));
    expect(['REMINDER', 'YELLOW', 'RED'].filter(watched)).toEqual(['REMINDER', 'YELLOW', 'RED']);

    // Raised by the scheduler after start, with real timestamps, each traced on its case.
    const cards: { level: string; raised_at: Date; traced: number }[] = await ds.query(
      `SELECT k.level, k.raised_at,
              (SELECT count(*)::int FROM case_event e WHERE e.case_id = k.case_id AND e.kind = 'CARD_RAISED' AND e.at = k.raised_at) AS traced
         FROM card k WHERE k.unit_code = ANY($1) AND k.raised_at > $2`,
      [WATCHED, new Date(cutOff)],
    );
    expect(new Set(cards.map((c) => c.level))).toEqual(new Set(['REMINDER', 'YELLOW', 'RED']));
    for (const c of cards) {
      expect(c.raised_at.getTime()).toBeGreaterThanOrEqual(startedAt);
      expect(c.traced).toBe(1);
    }
    // and the cases service counts them on its /metrics (every card its scheduler raised)
    const scraped = await (await fetch(new URL('/metrics', stack.subgraphs['cases']!.url))).text();
    const counted = /^sunlight_cards_raised_total\{component="cases"\} (\d+)$/m.exec(scraped)?.[1];
    expect(Number(counted)).toBeGreaterThanOrEqual(cards.length);
  }, 420_000);

  it('shows a city leader non-zero figures for the year, open notices among them', async () => {
    const token = await stack.tokenFor(Role.LEADER, CITY);
    const cutOff = new Date(stack.history!.window.cutOff);
    const from = new Date(cutOff.getTime() - 365 * 86_400_000).toISOString();
    const r = await stack.gql<{
      unit: {
        caseStats: { filed: number; completed: number; overdue: number };
        complaintStats: { received: number; noticesOpen: number };
        satisfaction: { count: number };
      };
    }>(
      `query($from: DateTimeISO!, $to: DateTimeISO!, $dFrom: String!, $dTo: String!) {
        unit(code: "${CITY}") {
          caseStats(from: $from, to: $to) { filed completed overdue }
          complaintStats(from: $from, to: $to) { received noticesOpen }
          satisfaction(from: $dFrom, to: $dTo) { count }
        }
      }`,
      {
        token,
        variables: {
          from,
          to: new Date().toISOString(),
          dFrom: from.slice(0, 10),
          dTo: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
        },
      },
    );
    expect(r.errors).toBeUndefined();
    const u = r.data!.unit;
    expect(u.caseStats.filed).toBeGreaterThan(3000);
    expect(u.caseStats.completed).toBeGreaterThan(0);
    expect(u.caseStats.overdue).toBeGreaterThan(0);
    expect(u.complaintStats.received).toBeGreaterThan(0);
    expect(u.complaintStats.noticesOpen).toBeGreaterThan(0);
    expect(u.satisfaction.count).toBeGreaterThan(0);
  });

  it('ranks the satisfaction of each county among all five, not as its only peer', async () => {
    const r = await stack.gql<{
      unit: { children: { code: string; satisfaction: { rank: number; peers: number } }[] };
    }>(
      `query($from: String!, $to: String!) {
        unit(code: "${CITY}") { children { code satisfaction(from: $from, to: $to) { rank peers } } }
      }`,
      { variables: { from: stack.history!.window.from, to: new Date().toISOString().slice(0, 10) } },
    );
    expect(r.errors).toBeUndefined();
    const counties = r.data!.unit.children;
    expect(counties).toHaveLength(5);
    expect(counties.map((c) => c.satisfaction.peers)).toEqual([5, 5, 5, 5, 5]);
    expect(counties.map((c) => c.satisfaction.rank).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('calculates the risk index of a county, a township and a village among their peers', async () => {
    const token = await stack.tokenFor(Role.INSPECTOR, CITY);
    const r = await stack.gql<
      Record<string, { riskIndex: { status: string; score: number | null; peerCount: number } }>
    >(
      `{ ${[COUNTY, TOWNSHIP, VILLAGE]
        .map((code) => `u${code}: unit(code: "${code}") { riskIndex { status score peerCount } }`)
        .join(' ')} }`,
      { token },
    );
    expect(r.errors).toBeUndefined();
    for (const code of [COUNTY, TOWNSHIP, VILLAGE]) {
      const index = r.data![`u${code}`]!.riskIndex;
      expect({ code, status: index.status }).toEqual({ code, status: 'CALCULATED' });
      expect(index.score).not.toBeNull();
      expect(index.peerCount).toBeGreaterThanOrEqual(5);
    }
  });

  it('calculates the risk index of every county, township and village of the demo city', async () => {
    const token = await stack.tokenFor(Role.INSPECTOR, CITY);
    const index = 'code name riskIndex { status }';
    const r = await stack.gql<{ unit: Tree }>(
      `{ unit(code: "${CITY}") { children { ${index} children { ${index} children { ${index} } } } } }`,
      { token },
    );
    expect(r.errors).toBeUndefined();
    const below = (t: Tree): Tree[] => (t.children ?? []).flatMap((c) => [c, ...below(c)]);
    const units = below(r.data!.unit);
    expect(units).toHaveLength(80);
    const notCalculated = units.filter((u) => u.riskIndex!.status !== 'CALCULATED').map((u) => `${u.code} ${u.name}`);
    expect(notCalculated).toEqual([]);
  });
});

interface Tree {
  code?: string;
  name?: string;
  riskIndex?: { status: string };
  children?: Tree[];
}
