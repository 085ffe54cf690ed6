import { rollupTrends, subtreeTrends, Tier } from '@sunlight/shared';
import { openTestDataSource, ROLLUP_TEST_UNITS, seedMonthRollup } from '@sunlight/shared/testing';
import type { DataSource } from 'typeorm';
import { createComplaintMonthSums, type ComplaintMonthSums } from './complaint-month-sums';
import { COMPLAINT_MEASURES } from './complaint-trend.type';
import { createComplaintsSubgraph } from '../complaints.subgraph';

const NOW = () => new Date('2026-11-15T04:00:00Z');

describe('complaint trends from the in-memory subtree sums', () => {
  let db: Awaited<ReturnType<typeof openTestDataSource>>;
  let ds: DataSource;
  let sums: ComplaintMonthSums;

  beforeAll(async () => {
    db = await openTestDataSource({
      schema: 'complaints',
      entities: [],
      migrations: createComplaintsSubgraph().migrations,
    });
    ds = db.dataSource;
    await seedMonthRollup(ds, 'complaint_month_stat', COMPLAINT_MEASURES, '2025-06-01', '2027-01-01');
    sums = createComplaintMonthSums(ds);
    await sums.start({ refreshMs: 0 });
  });
  afterAll(async () => {
    await sums?.stop();
    await db?.close();
  });

  it('give the same trends as the rollup read by SQL, per unit and per tier, before and after a change', async () => {
    const compare = async () => {
      const bySql = rollupTrends(ds, 'complaint_month_stat', COMPLAINT_MEASURES, NOW);
      const fromMemory = subtreeTrends(sums, COMPLAINT_MEASURES, NOW);
      expect(await fromMemory.forUnits.loadMany([...ROLLUP_TEST_UNITS])).toEqual(
        await bySql.forUnits.loadMany([...ROLLUP_TEST_UNITS]),
      );
      for (const tier of [Tier.CITY, Tier.COUNTY, Tier.TOWNSHIP, Tier.VILLAGE]) {
        const sorted = (rows: { code: string }[]) => [...rows].sort((a, b) => a.code.localeCompare(b.code));
        expect(await fromMemory.forTier(tier, '1399')).toEqual(sorted(await bySql.forTier(tier, '1399')));
      }
    };
    await compare();
    await ds.query(
      `UPDATE complaint_month_stat SET received = received + 3 WHERE unit_code LIKE '139902%' AND month = '2026-09-01'`,
    );
    await compare();
  });
});
