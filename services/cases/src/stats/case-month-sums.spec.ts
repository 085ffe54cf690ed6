import { subtreeTrends } from '@sunlight/shared';
import { openTestDataSource, ROLLUP_TEST_UNITS, seedMonthRollup, trendsBothWays } from '@sunlight/shared/testing';
import type { DataSource } from 'typeorm';
import { createCaseMonthSums, CASE_ROLLUP_MEASURES, type CaseMonthSums } from './case-month-sums';
import { createCaseStatsLoader } from './case-stats.loader';
import { CASE_MEASURES } from './case-trend.type';
import { createCasesSubgraph } from '../cases.subgraph';

const NOW = () => new Date('2026-11-15T04:00:00Z');
/** Midnight of the first of a month in China (UTC+8). */
const cst = (month: string) => new Date(`${month}-01T00:00:00+08:00`);

describe('case statistics and trends from the in-memory subtree sums', () => {
  let db: Awaited<ReturnType<typeof openTestDataSource>>;
  let ds: DataSource;
  let sums: CaseMonthSums;

  beforeAll(async () => {
    db = await openTestDataSource({ schema: 'cases', entities: [], migrations: createCasesSubgraph().migrations });
    ds = db.dataSource;
    await seedMonthRollup(ds, 'case_month_stat', CASE_ROLLUP_MEASURES, '2025-06-01', '2027-01-01');
    sums = createCaseMonthSums(ds);
    await sums.start({ refreshMs: 0 });
  });
  afterAll(async () => {
    await sums?.stop();
    await db?.close();
  });

  it('give the same caseStats as the rollup read by SQL, for whole-month periods of every unit of every tier', async () => {
    const periods = [
      { from: cst('2026-10'), to: cst('2026-11') },
      { from: cst('2025-12'), to: cst('2026-12') },
      { from: cst('2024-01'), to: cst('2030-01') },
    ];
    const keys = periods.flatMap((period) => ROLLUP_TEST_UNITS.map((code) => ({ code, period })));
    const bySql = await createCaseStatsLoader(ds).loadMany(keys);
    const fromMemory = await createCaseStatsLoader(ds, sums).loadMany(keys);
    expect(fromMemory).toEqual(bySql);
    expect(bySql.some((s) => !(s instanceof Error) && s.filed > 0 && s.onTimeRate !== null)).toBe(true);
  });

  it('give the same trends, per unit and per tier, and follow a write', async () => {
    const compare = async () => {
      const { fromMemory, bySql } = await trendsBothWays(ds, 'case_month_stat', sums, CASE_MEASURES, NOW);
      expect(fromMemory).toEqual(bySql);
    };
    await compare();
    await ds.query(
      `UPDATE case_month_stat SET filed = filed + 5, late = late + 1 WHERE unit_code = '139901001001' AND month = '2026-10-01'`,
    );
    await ds.query(
      `INSERT INTO case_month_stat (unit_code, month, filed) VALUES ('139902004006', '2026-11-01', 9) ON CONFLICT (unit_code, month) DO UPDATE SET filed = case_month_stat.filed + 9`,
    );
    await compare();
    const t = await subtreeTrends(sums, CASE_MEASURES, NOW).forUnits.load('139900000000');
    expect(t.months[11]).toBe('2026-11');
  });
});
