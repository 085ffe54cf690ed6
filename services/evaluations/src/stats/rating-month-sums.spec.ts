import { rollupTrends, subtreeTrends, Tier } from '@sunlight/shared';
import { openTestDataSource, ROLLUP_TEST_UNITS, seedMonthRollup } from '@sunlight/shared/testing';
import type { DataSource } from 'typeorm';
import { createRatingMonthSums, type RatingMonthSums } from './rating-month-sums';
import { roundedCents } from './rounded-cents';
import { createSatisfactionLoaders } from './satisfaction.loader';
import { RATING_MEASURES } from './satisfaction-trend.type';
import { createEvaluationsSubgraph } from '../evaluations.subgraph';

const NOW = () => new Date('2026-11-15T04:00:00Z');
const PERIODS = [
  { from: '2026-10-01', to: '2026-11-01' },
  { from: '2026-01-01', to: '2027-01-01' },
  { from: '2024-01-01', to: '2030-01-01' },
];

describe('unit satisfaction, its series and trends from the in-memory subtree sums', () => {
  let db: Awaited<ReturnType<typeof openTestDataSource>>;
  let ds: DataSource;
  let sums: RatingMonthSums;

  beforeAll(async () => {
    db = await openTestDataSource({
      schema: 'evaluations',
      entities: [],
      migrations: createEvaluationsSubgraph().migrations,
    });
    ds = db.dataSource;
    await seedMonthRollup(ds, 'rating_month_stat', RATING_MEASURES, '2025-06-01', '2027-01-01');
    // Averages that tie once rounded, and one exactly halfway (x.xx5), so ranks are tested where rounding matters.
    await ds.query(
      `UPDATE rating_month_stat SET ratings = 200, score_sum = 801 WHERE month = '2026-10-01' AND unit_code IN ('139901001001', '139901002003')`,
    );
    await ds.query(
      `UPDATE rating_month_stat SET ratings = 400, score_sum = 1602 WHERE month = '2026-10-01' AND unit_code = '139902003004'`,
    );
    sums = createRatingMonthSums(ds);
    await sums.start({ refreshMs: 0 });
  });
  afterAll(async () => {
    await sums?.stop();
    await db?.close();
  });

  it('rounds averages to cents as PostgreSQL does before ranking', async () => {
    const xs = [4.005, 4.015, 1.125, 2.675, 801 / 200, 1 / 3, 4.994999999, 5];
    const rows: { c: string }[] = await ds.query(
      'SELECT (round(x::numeric, 2) * 100)::int::text AS c FROM unnest($1::float8[]) WITH ORDINALITY AS t(x, i) ORDER BY i',
      [xs],
    );
    expect(xs.map(roundedCents)).toEqual(rows.map((r) => Number(r.c)));
  });

  it('give the same satisfaction (with rank and peers) and series as the rollup read by SQL, for every unit of every tier', async () => {
    const keys = PERIODS.flatMap((period) =>
      ROLLUP_TEST_UNITS.map((code) => ({ subject: { kind: 'unit' as const, code }, period })),
    );
    const bySql = createSatisfactionLoaders(ds);
    const fromMemory = createSatisfactionLoaders(ds, sums);
    const expected = await bySql.satisfaction.loadMany(keys);
    expect(await fromMemory.satisfaction.loadMany(keys)).toEqual(expected);
    expect(expected.some((s) => !(s instanceof Error) && s.rank !== null && s.rank > 1)).toBe(true);
    const seriesKeys = PERIODS.flatMap((period) => ROLLUP_TEST_UNITS.map((code) => ({ code, period })));
    expect(await fromMemory.series.loadMany(seriesKeys)).toEqual(await bySql.series.loadMany(seriesKeys));
  });

  it('give the same trends, per unit and per tier', async () => {
    const bySql = rollupTrends(ds, 'rating_month_stat', RATING_MEASURES, NOW);
    const fromMemory = subtreeTrends(sums, RATING_MEASURES, NOW);
    expect(await fromMemory.forUnits.loadMany([...ROLLUP_TEST_UNITS])).toEqual(
      await bySql.forUnits.loadMany([...ROLLUP_TEST_UNITS]),
    );
    for (const tier of [Tier.CITY, Tier.COUNTY, Tier.TOWNSHIP, Tier.VILLAGE]) {
      const sorted = (rows: { code: string }[]) => [...rows].sort((a, b) => a.code.localeCompare(b.code));
      expect(await fromMemory.forTier(tier, '1399')).toEqual(sorted(await bySql.forTier(tier, '1399')));
    }
  });
});
