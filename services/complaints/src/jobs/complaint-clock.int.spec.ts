import { aComplaint } from '../testing/complaint-input.builder';
import { openComplaintsDatabase, people, type ComplaintsDatabase } from '../testing/complaints-database';

const COUNTY = '139901000000';
const CITY = '139900000000';
const TOWNSHIP = '139901001000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('ComplaintClock on PostgreSQL, at injected times', () => {
  let db: ComplaintsDatabase;
  let id: string;
  // 3 working days to accept, escalation 2 working days after that
  beforeAll(async () => {
    db = await openComplaintsDatabase(MONDAY, {
      acceptDays: 3,
      concludeDays: 10,
      extensionDays: 5,
      escalateAfterDays: 2,
    });
    const filed = await db.filing.file(people.citizen(), aComplaint().againstLeadershipOf(TOWNSHIP).build(), db.key());
    [{ id }] = (await db.ds.query('SELECT id FROM complaint WHERE number = $1', [filed.number])) as [{ id: string }];
  });
  afterAll(() => db.close());

  const alarms = async () =>
    (await db.ds.query(
      'SELECT kind, stage, stage_entry FROM complaint_alarm WHERE complaint_id = $1 ORDER BY raised_at, kind',
      [id],
    )) as object[];
  const published = async (topic: string) =>
    db.count('SELECT count(*) FROM outbox WHERE topic = $1 AND aggregate_id = $2', [topic, id]);

  it('is quiet while the stage is within its limit', async () => {
    expect(await db.clock.runOnce(db.workingDaysAfter(MONDAY, 3))).toEqual({ overdue: 0, escalated: 0 });
  });

  it('marks the complaint overdue once, however often it runs', async () => {
    expect(await db.clock.runOnce(db.workingDaysAfter(MONDAY, 4))).toEqual({ overdue: 1, escalated: 0 });
    expect(await db.clock.runOnce(db.workingDaysAfter(MONDAY, 4))).toEqual({ overdue: 0, escalated: 0 });
    expect(await db.clock.runOnce(db.workingDaysAfter(MONDAY, 5))).toEqual({ overdue: 0, escalated: 0 });
    expect(await alarms()).toEqual([{ kind: 'OVERDUE', stage: 'ACCEPT', stage_entry: 1 }]);
    expect(await published('complaint.overdue')).toBe(1);
    const [event] = (await db.ds.query(
      "SELECT unit_code, payload FROM outbox WHERE topic = 'complaint.overdue' AND aggregate_id = $1",
      [id],
    )) as { unit_code: string; payload: object }[];
    expect(event).toMatchObject({
      unit_code: COUNTY,
      payload: { complaintId: id, stage: 'ACCEPT', elapsed: 4, limit: 3, handlerUnit: COUNTY },
    });
  });

  it('escalates a complaint still not accepted to the tier above, where acceptance starts again', async () => {
    expect(await db.clock.runOnce(db.workingDaysAfter(MONDAY, 6))).toEqual({ overdue: 0, escalated: 1 });
    const [row] = (await db.ds.query('SELECT handler_unit, status, stage_entry FROM complaint WHERE id = $1', [
      id,
    ])) as object[];
    expect(row).toEqual({ handler_unit: CITY, status: 'RECEIVED', stage_entry: 2 });
    expect(await published('complaint.escalated')).toBe(1);
    expect(await db.clock.runOnce(db.workingDaysAfter(MONDAY, 6))).toEqual({ overdue: 0, escalated: 0 });
    // the county's inspectors no longer see it; the city's handle it
    await expect(db.handling.accept(people.inspector(COUNTY), id, '受理', db.key())).rejects.toMatchObject({
      extensions: { code: 'COMPLAINT_NOT_FOUND' },
    });
    db.setNow(db.workingDaysAfter(MONDAY, 7));
    await db.handling.accept(people.inspector(CITY), id, '受理', db.key());
  });

  it('runs the concluding clock from acceptance, with its own single alarm', async () => {
    expect(await db.clock.runOnce(db.workingDaysAfter(MONDAY, 17))).toEqual({ overdue: 0, escalated: 0 });
    expect(await db.clock.runOnce(db.workingDaysAfter(MONDAY, 18))).toEqual({ overdue: 1, escalated: 0 });
    expect(await alarms()).toEqual([
      { kind: 'OVERDUE', stage: 'ACCEPT', stage_entry: 1 },
      { kind: 'ESCALATED', stage: 'ACCEPT', stage_entry: 1 },
      { kind: 'OVERDUE', stage: 'CONCLUDE', stage_entry: 3 },
    ]);
  });
});
