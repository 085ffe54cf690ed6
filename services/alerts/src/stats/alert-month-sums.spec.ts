import { openTestDataSource, seedMonthRollup, trendsBothWays } from '@sunlight/shared/testing';
import type { DataSource } from 'typeorm';
import { ALERT_MEASURES, createAlertMonthSums, type AlertMonthSums } from './alert-month-sums';
import { createAlertsSubgraph } from '../alerts.subgraph';

const NOW = () => new Date('2026-11-15T04:00:00Z');

describe('alert trends from the in-memory subtree sums', () => {
  let db: Awaited<ReturnType<typeof openTestDataSource>>;
  let ds: DataSource;
  let sums: AlertMonthSums;

  beforeAll(async () => {
    db = await openTestDataSource({ schema: 'alerts', entities: [], migrations: createAlertsSubgraph().migrations });
    ds = db.dataSource;
    await seedMonthRollup(ds, 'alert_month_stat', ALERT_MEASURES, '2025-06-01', '2027-01-01');
    sums = createAlertMonthSums(ds);
    await sums.start({ refreshMs: 0 });
  });
  afterAll(async () => {
    await sums?.stop();
    await db?.close();
  });

  it('give the same trends as the rollup read by SQL, per unit and per tier (the peers of the risk index), before and after a change', async () => {
    const compare = async () => {
      const { fromMemory, bySql } = await trendsBothWays(ds, 'alert_month_stat', sums, ALERT_MEASURES, NOW);
      expect(fromMemory).toEqual(bySql);
    };
    await compare();
    await ds.query(
      `INSERT INTO alert_month_stat (unit_code, month, raised, red) VALUES ('139902004007', '2026-11-01', 4, 1)`,
    );
    await compare();
  });
});
