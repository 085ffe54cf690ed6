import { generateDemoData } from '@sunlight/powers';
import { lastCompleteMonth, Role, Tier, trendWindow } from '@sunlight/shared';
import { Client } from 'pg';
import { fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const demo = generateDemoData();
const CITY = '139900000000';
const townships = demo.units.filter((u) => u.tier === Tier.TOWNSHIP).map((u) => u.code);
const BAD = townships[1]!;
const MONTH = lastCompleteMonth(new Date());
const RISK = `riskIndex { month tier score status coverage band peerCount indicators { key weight status value sample peerQ1 peerQ3 upperFence peers score band note } }
  ranking { position outOf score }`;

let stack: Stack;
let db: Client;

/** Writes one month of rollup rows straight into each service's rollup, as if the units had worked that month. */
async function seedMonth(
  code: string,
  m: {
    filed: number;
    overdue: number;
    completed: number;
    late: number;
    ratings: number;
    dissatisfied: number;
    complaints: number;
    alerts: number;
    red: number;
    undisposed: number;
  },
) {
  const month = `${MONTH}-01`;
  await db.query(
    'INSERT INTO cases.case_month_stat (unit_code, month, filed, completed, overdue, late) VALUES ($1, $2, $3, $4, $5, $6)',
    [code, month, m.filed, m.completed, m.overdue, m.late],
  );
  await db.query(
    'INSERT INTO evaluations.rating_month_stat (unit_code, month, ratings, score_sum, satisfied, dissatisfied) VALUES ($1, $2, $3, $4, $5, $6)',
    [code, month, m.ratings, m.ratings * 4, m.ratings - m.dissatisfied, m.dissatisfied],
  );
  await db.query(
    'INSERT INTO complaints.complaint_month_stat (unit_code, month, received, concluded, substantiated) VALUES ($1, $2, $3, 0, 0)',
    [code, month, m.complaints],
  );
  await db.query(
    'INSERT INTO alerts.alert_month_stat (unit_code, month, raised, red, undisposed) VALUES ($1, $2, $3, $4, $5)',
    [code, month, m.alerts, m.red, m.undisposed],
  );
}

const NORMAL = {
  filed: 100,
  overdue: 5,
  completed: 90,
  late: 4,
  ratings: 200,
  dissatisfied: 10,
  complaints: 2,
  alerts: 5,
  red: 1,
  undisposed: 0,
};
const WORSE = {
  filed: 100,
  overdue: 30,
  completed: 90,
  late: 4,
  ratings: 200,
  dissatisfied: 50,
  complaints: 10,
  alerts: 30,
  red: 10,
  undisposed: 15,
};

beforeAll(async () => {
  stack = await startStack();
  db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  for (const t of townships) await seedMonth(t, t === BAD ? WORSE : NORMAL);
  // A village with a handful of cases: too few to say anything (and too few to move its township's ratios).
  const village = demo.units.find((u) => u.tier === Tier.VILLAGE)!.code;
  await seedMonth(village, {
    filed: 3,
    overdue: 0,
    completed: 2,
    late: 0,
    ratings: 4,
    dissatisfied: 0,
    complaints: 0,
    alerts: 1,
    red: 0,
    undisposed: 0,
  });
});

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

type Indicator = {
  key: string;
  weight: number;
  status: string;
  value: number | null;
  sample: number;
  peerQ1: number | null;
  peerQ3: number | null;
  upperFence: number | null;
  peers: number;
  score: number | null;
  band: string | null;
  note: string | null;
};
type Risk = {
  month: string;
  tier: string;
  score: number | null;
  status: string;
  coverage: number;
  band: string | null;
  peerCount: number;
  indicators: Indicator[];
};
type RankedUnit = {
  code: string;
  riskIndex: Risk;
  ranking: { position: number | null; outOf: number; score: number | null };
};

describe('risk index (勤廉风险综合评价指数)', () => {
  it('scores each township against the quartile fences of all townships in the city and ranks the outlier last', async () => {
    const token = await stack.tokenFor(Role.INSPECTOR, CITY);
    const r = await stack.gql<{ unit: { children: { children: RankedUnit[] }[] } }>(
      `{ unit(code: "${CITY}") { children { children { code ${RISK} } } } }`,
      { token },
    );
    expect(r.errors).toBeUndefined();
    const all = r.data!.unit.children.flatMap((c) => c.children);
    expect(all.map((u) => u.code).sort()).toEqual([...townships].sort());
    const bad = all.find((u) => u.code === BAD)!;
    const overdue = bad.riskIndex.indicators.find((i) => i.key === 'OVERDUE_RATE')!;
    // Eight peers at 5 % and one at 30 %: Q1 = Q3 = 0.05, so the fence is 0.05 and 30 % is an outlier.
    expect(overdue).toMatchObject({
      status: 'CALCULATED',
      value: 0.3,
      sample: 100,
      peerQ1: 0.05,
      peerQ3: 0.05,
      upperFence: 0.05,
      peers: townships.length,
      score: 100,
      band: 'OUTLIER',
    });
    // Late completion is the same everywhere (4 of 90): nobody is above the fence.
    expect(bad.riskIndex.indicators.find((i) => i.key === 'LATE_COMPLETION_RATE')).toMatchObject({
      status: 'CALCULATED',
      score: 0,
      band: 'NORMAL',
    });
    expect(bad.riskIndex.indicators.find((i) => i.key === 'COMPLAINT_RATE')).toMatchObject({
      value: 1000,
      peerQ3: 200,
      score: 100,
      band: 'OUTLIER',
    });
    // Σ weight × score: 0.25·100 + 0.15·0 + 0.20·100 + 0.20·100 + 0.10·100 + 0.10·100 = 85.
    expect(bad.riskIndex).toMatchObject({
      month: MONTH,
      tier: 'TOWNSHIP',
      score: 85,
      status: 'CALCULATED',
      coverage: 1,
      peerCount: townships.length,
    });
    expect(bad.ranking).toEqual({ position: townships.length, outOf: townships.length, score: 85 });
    for (const u of all.filter((x) => x.code !== BAD)) {
      expect(u.riskIndex.score).toBe(0);
      expect(u.ranking.position).toBe(1);
      expect(u.riskIndex.band).toBe('NORMAL');
    }
    expect(bad.riskIndex.band).toBe('OUTLIER');
    expect(bad.riskIndex.indicators.reduce((s, i) => s + i.weight, 0)).toBeCloseTo(1, 10);
  });

  it('says INSUFFICIENT_DATA, with the reason, where the sample or the peers are too few', async () => {
    const village = demo.units.find((u) => u.tier === Tier.VILLAGE)!.code;
    const token = await stack.tokenFor(Role.INSPECTOR, CITY);
    const r = await stack.gql<{ v: RankedUnit; c: RankedUnit }>(
      `{ v: unit(code: "${village}") { code ${RISK} } c: unit(code: "${CITY}") { code ${RISK} } }`,
      { token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.v.riskIndex).toMatchObject({ score: null, status: 'INSUFFICIENT_DATA', coverage: 0 });
    expect(r.data!.v.riskIndex.indicators.find((i) => i.key === 'OVERDUE_RATE')).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      value: null,
      sample: 3,
    });
    expect(r.data!.v.riskIndex.indicators[0]!.note).toContain('样本不足');
    expect(r.data!.v.ranking.position).toBeNull();
    // One city: no peers to compare with, whatever its volume.
    expect(r.data!.c.riskIndex.status).toBe('INSUFFICIENT_DATA');
    expect(r.data!.c.riskIndex.indicators.find((i) => i.key === 'OVERDUE_RATE')!.note).toContain('同级可比单位不足');
  });

  it('gives a twelve-month series, the month asked for, and refuses a month outside the window', async () => {
    const token = await stack.tokenFor(Role.INSPECTOR, CITY);
    const r = await stack.gql<{ unit: { riskSeries: { month: string; score: number | null; status: string }[] } }>(
      `{ unit(code: "${BAD}") { riskSeries { month score status } } }`,
      { token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.unit.riskSeries.map((m) => m.month)).toEqual(trendWindow(new Date()).months);
    expect(r.data!.unit.riskSeries.find((m) => m.month === MONTH)).toMatchObject({ score: 85, status: 'CALCULATED' });
    const bad = await stack.gql(`{ unit(code: "${BAD}") { riskIndex(month: "2019-13") { score } } }`, { token });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'month' });
  });

  it('stays inside the caller’s subtree and role', async () => {
    const otherCounty = demo.units.find((u) => u.tier === Tier.COUNTY && !BAD.startsWith(u.code.slice(0, 6)))!.code;
    const outsider = await stack.tokenFor(Role.INSPECTOR, otherCounty);
    const crossed = await stack.gql(`{ unit(code: "${BAD}") { riskIndex { score } } }`, { token: outsider });
    expect(crossed.data?.unit ?? null).toBeNull();
    expect(crossed.errors?.[0]?.extensions?.code).toBe('OUT_OF_SCOPE');
    // Straight at the alerts subgraph's _entities, the gateway bypassed: still refused (no assertion).
    const direct = await fetch(stack.subgraphs['alerts']!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ _entities(representations: [{ __typename: "Unit", code: "139900000000" }]) { __typename } }',
      }),
    });
    expect(direct.status).toBeGreaterThanOrEqual(400);
    const clerk = await stack.tokenFor(Role.CLERK, BAD);
    expect(
      (await stack.gql(`{ unit(code: "${BAD}") { riskIndex { score } } }`, { token: clerk })).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const own = await stack.tokenFor(Role.LEADER, BAD);
    const mine = await stack.gql<{ unit: RankedUnit }>(`{ unit(code: "${BAD}") { code ${RISK} } }`, { token: own });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.unit.riskIndex.score).toBe(85);
    const anonymous = await stack.gql(`{ unit(code: "${BAD}") { riskIndex { score } } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|OUT_OF_SCOPE/);
  });
});

describe('monthly rollups', () => {
  it('follow filings and completions in the same transaction (trigger-kept)', async () => {
    const village = demo.units.filter((u) => u.tier === Tier.VILLAGE)[3]!.code;
    const powerId = await publishTestPower(stack, { unit: village, code: 'RISK-ROLLUP' });
    const token = await stack.tokenFor(Role.INSPECTOR, village);
    const q = `{ unit(code: "${village}") { caseTrend { months filed completed overdue late } alertTrend { months raised } satisfactionTrend { months ratings } complaintTrend { months received } } }`;
    const before = await stack.gql<{ unit: { caseTrend: { months: string[]; filed: number[] } } }>(q, { token });
    expect(before.errors).toBeUndefined();
    const months = before.data!.unit.caseTrend.months;
    expect(months).toEqual(trendWindow(new Date()).months);
    const last = months.length - 1;
    for (const k of ['a', 'b']) expect((await fileCase(stack, village, powerId, `rollup-${k}`)).errors).toBeUndefined();
    // A retried filing (same key) does not count twice.
    expect((await fileCase(stack, village, powerId, 'rollup-a')).errors).toBeUndefined();
    const after = await stack.gql<{ unit: { caseTrend: { filed: number[] } } }>(q, { token });
    expect(after.data!.unit.caseTrend.filed[last]! - before.data!.unit.caseTrend.filed[last]!).toBe(2);
    // caseStats over a whole month reads the rollup; shifted by a millisecond it reads the cases: same numbers.
    const month = trendWindow(new Date()).months[last]!;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const start = new Date(Date.UTC(y, m - 1, 1) - 8 * 3600 * 1000);
    const end = new Date(Date.UTC(y, m, 1) - 8 * 3600 * 1000);
    const stats = `query($a: DateTimeISO!, $b: DateTimeISO!, $c: DateTimeISO!) { unit(code: "${village}") {
      aligned: caseStats(from: $a, to: $b) { filed open completed overdue onTimeRate averageWorkingDays }
      live: caseStats(from: $c, to: $b) { filed open completed overdue onTimeRate averageWorkingDays } } }`;
    const both = await stack.gql<{ unit: { aligned: { filed: number }; live: { filed: number } } }>(stats, {
      token,
      variables: { a: start.toISOString(), b: end.toISOString(), c: new Date(start.getTime() - 1).toISOString() },
    });
    expect(both.errors).toBeUndefined();
    expect(both.data!.unit.aligned).toEqual(both.data!.unit.live);
    expect(both.data!.unit.aligned.filed).toBe(2);
    const { rows } = await db.query<{ filed: number }>(
      'SELECT sum(filed)::int AS filed FROM cases.case_month_stat WHERE unit_code = $1',
      [village],
    );
    const { rows: truth } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM cases."case" WHERE unit_code = $1',
      [village],
    );
    expect(rows[0]!.filed).toBe(truth[0]!.n);
  });

  it('rebuild_<rollup>() recomputes a rollup from its source exactly', async () => {
    const { rows: kept } = await db.query(
      "SELECT unit_code, month, filed, completed, overdue, late FROM cases.case_month_stat WHERE month >= date_trunc('month', now() - interval '2 months') ORDER BY 1, 2",
    );
    await db.query('BEGIN');
    await db.query('SET LOCAL search_path = cases');
    await db.query('SELECT cases.rebuild_case_month_stat()');
    const { rows: rebuilt } = await db.query(
      "SELECT unit_code, month, filed, completed, overdue, late FROM cases.case_month_stat WHERE month >= date_trunc('month', now() - interval '2 months') ORDER BY 1, 2",
    );
    await db.query('ROLLBACK');
    // The seeded township rows have no cases behind them, so compare only units with real cases.
    const real = (rows: Record<string, unknown>[]) =>
      rows.filter(
        (r) =>
          !townships.includes(String(r['unit_code'])) &&
          String(r['unit_code']) !== demo.units.find((u) => u.tier === Tier.VILLAGE)!.code,
      );
    expect(real(rebuilt)).toEqual(real(kept));
  });
});
