import { openTestDataSource, seedMonthRollup, trendsBothWays } from '@sunlight/shared/testing';
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
      const { fromMemory, bySql } = await trendsBothWays(ds, 'complaint_month_stat', sums, COMPLAINT_MEASURES, NOW);
      expect(fromMemory).toEqual(bySql);
    };
    await compare();
    await ds.query(
      `UPDATE complaint_month_stat SET received = received + 3 WHERE unit_code LIKE '139902%' AND month = '2026-09-01'`,
    );
    await compare();
  });
});
