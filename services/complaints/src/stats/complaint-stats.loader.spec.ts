import { AppError, PlatformTables1763769600000, Role, type Principal } from '@sunlight/shared';
import { openTestDataSource } from '@sunlight/shared/testing';
import type { DataSource } from 'typeorm';
import { Complaints1763770200000 } from '../migrations/1763770200000-complaints';
import { AppendOnlyAndCalendar1763770300000 } from '../migrations/1763770300000-append-only-and-calendar';
import { ComplaintStatsErrorCode } from './complaint-stats.errors';
import { createComplaintStatsLoader } from './complaint-stats.loader';

const INSPECTOR: Principal = { subject: 'inspector', role: Role.INSPECTOR, unit: '139900000000' };
const COUNTY = '139901000000';
const OTHER_COUNTY = '139902000000';
const PERIOD = { from: new Date('2026-09-30T16:00:00Z'), to: new Date('2026-10-31T16:00:00Z') };

describe('complaint statistics and the cases they are counted against', () => {
  let db: Awaited<ReturnType<typeof openTestDataSource>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await openTestDataSource({
      schema: 'complaints',
      entities: [],
      migrations: [PlatformTables1763769600000, Complaints1763770200000, AppendOnlyAndCalendar1763770300000],
    });
    ds = db.dataSource;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('asks cases once per period for every unit, and counts per 10,000 cases only where cases filed some', async () => {
    const asked: { codes: string[]; from: Date; to: Date }[] = [];
    const casesFiled = (codes: string[], from: Date, to: Date) => {
      asked.push({ codes, from, to });
      return Promise.resolve(new Map([[COUNTY, 200]]));
    };
    const loader = createComplaintStatsLoader(ds, { casesFiled }, INSPECTOR);
    const [county, other] = await Promise.all([
      loader.load({ code: COUNTY, ...PERIOD }),
      loader.load({ code: OTHER_COUNTY, ...PERIOD }),
    ]);
    expect(asked).toEqual([{ codes: [COUNTY, OTHER_COUNTY], ...PERIOD }]);
    expect(county).toMatchObject({ received: 0, per10kCases: 0 });
    expect(other).toMatchObject({ received: 0, per10kCases: null });
  });

  it('fails every unit of the batch with CASES_UNAVAILABLE when cases does not answer, instead of answering without cases', async () => {
    const casesFiled = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:4002'));
    const loader = createComplaintStatsLoader(ds, { casesFiled }, INSPECTOR);
    const results = await loader.loadMany([
      { code: COUNTY, ...PERIOD },
      { code: OTHER_COUNTY, ...PERIOD },
    ]);
    expect(results).toHaveLength(2);
    for (const r of results) {
      expect(r).toBeInstanceOf(AppError);
      expect((r as AppError).extensions).toMatchObject({
        code: ComplaintStatsErrorCode.CASES_UNAVAILABLE,
        kind: 'UNAVAILABLE',
        field: 'per10kCases',
      });
      expect((r as AppError).message).not.toContain('ECONNREFUSED');
    }
  });
});
