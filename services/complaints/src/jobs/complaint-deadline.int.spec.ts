import type { ComplaintRow } from '../complaint/complaint-row';
import { aComplaint } from '../testing/complaint-input.builder';
import { openComplaintsDatabase, people, type ComplaintsDatabase } from '../testing/complaints-database';

const CITY = '139900000000';
const TOWNSHIP = '139901001000';
const MONDAY = new Date('2026-12-14T09:00:00+08:00');

/** A complaint's deadline when its count reaches a year the calendar does not have. */
describe('a complaint deadline beyond the loaded calendar', () => {
  let db: ComplaintsDatabase;

  beforeAll(async () => {
    db = await openComplaintsDatabase(MONDAY); // 15 working days to accept
  });
  afterAll(() => db.close());

  it('is provisional, and the city is told once however many complaints and runs need it', async () => {
    for (let i = 0; i < 2; i++)
      await db.filing.file(people.citizen(), aComplaint().againstLeadershipOf(TOWNSHIP).build(), db.key());
    const rows: ComplaintRow[] = await db.ds.query('SELECT * FROM complaint ORDER BY received_at');
    for (const row of rows) {
      // Dec 15-31 has 13 working days; 2 more into January by the weekday rule.
      expect(db.handling.clock(row)).toMatchObject({
        stage: 'ACCEPT',
        deadline: '2027-01-04',
        deadlineProvisional: true,
        missingYears: [2027],
      });
    }
    await db.clock.runOnce();
    await db.clock.runOnce();
    expect(
      await db.ds.query("SELECT unit_code, payload FROM outbox WHERE topic = 'complaint.calendar_not_loaded'"),
    ).toEqual([{ unit_code: CITY, payload: { year: 2027, cityCode: CITY } }]);
  });
});
