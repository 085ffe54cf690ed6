import { randomUUID } from 'node:crypto';
import { SuspendReason } from '../case/case.input';
import { anAttachment, aFiling } from '../testing/case-input.builder';
import { openCasesDatabase, staff, type CasesDatabase } from '../testing/cases-database';
import { aPowerSnapshot } from '../testing/power-snapshot.builder';

const COUNTY = '139901000000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('CardScheduler on PostgreSQL, at injected times', () => {
  let db: CasesDatabase;
  const department = randomUUID();
  const clerk = staff.clerk(COUNTY, department, 'clerk-clock');
  // step 1 has 2 working days: REMINDER at 2 (80 % rounded up), YELLOW at 3, RED past 5
  const power = aPowerSnapshot().inUnit(COUNTY).ofDepartment(department).withFlow(2, 5).withDays(20, 10).build();
  let late: string;
  let paused: string;

  beforeAll(async () => {
    db = await openCasesDatabase(MONDAY);
    db.powers.publish(power);
    late = (await db.filing.file(clerk, aFiling(power.id).build(), db.key())).caseId;
    paused = (await db.filing.file(clerk, aFiling(power.id).build(), db.key())).caseId;
    await db.transitions.suspend(clerk, { caseId: paused, reason: SuspendReason.HEARING, note: '听证' }, db.key());
  });
  afterAll(() => db.close());

  const cards = async (caseId: string) =>
    (await db.ds.query('SELECT level, scope, step_no FROM card WHERE case_id = $1 ORDER BY raised_at, level', [
      caseId,
    ])) as { level: string; scope: string; step_no: number | null }[];

  it('raises nothing while the step has time left', async () => {
    expect(await db.scheduler.runOnce(db.workingDaysAfter(MONDAY, 1))).toEqual({ examined: 1, raised: 0 });
    expect(db.notices).toEqual([]);
  });

  it('raises a REMINDER once the step has used its share, then a YELLOW card once it is overdue', async () => {
    expect(await db.scheduler.runOnce(db.workingDaysAfter(MONDAY, 2))).toMatchObject({ raised: 1 });
    expect(await db.scheduler.runOnce(db.workingDaysAfter(MONDAY, 3))).toMatchObject({ raised: 1 });
    expect(await cards(late)).toEqual([
      { level: 'REMINDER', scope: 'step:1', step_no: 1 },
      { level: 'YELLOW', scope: 'step:1', step_no: 1 },
    ]);
    expect((await db.reads().get(clerk, late)).cardLevel).toBe('YELLOW');
    expect(db.notices.map((n) => [n.caseId, n.level, n.stepNo])).toEqual([
      [late, 'REMINDER', 1],
      [late, 'YELLOW', 1],
    ]);
  });

  it('never raises the same card twice, however often it runs', async () => {
    const at = db.workingDaysAfter(MONDAY, 3);
    expect(await db.scheduler.runOnce(at)).toMatchObject({ raised: 0 });
    expect(await db.scheduler.runOnce(at)).toMatchObject({ raised: 0 });
    expect(await db.count('SELECT count(*) FROM card WHERE case_id = $1', [late])).toBe(2);
    expect(db.notices).toHaveLength(2);
  });

  it('traces each card in the chain and publishes it to the outbox', async () => {
    const traced = (await db.ds.query(
      "SELECT actor, payload FROM case_event WHERE case_id = $1 AND kind = 'CARD_RAISED' ORDER BY seq",
      [late],
    )) as { actor: string; payload: { level: string } }[];
    expect(traced.map((t) => [t.actor, t.payload.level])).toEqual([
      ['system:clock', 'REMINDER'],
      ['system:clock', 'YELLOW'],
    ]);
    const published = (await db.ds.query(
      "SELECT payload FROM outbox WHERE topic = 'case.card_raised' AND aggregate_id = $1 ORDER BY id",
      [late],
    )) as { payload: { level: string; step: number } }[];
    expect(published.map((p) => [p.payload.level, p.payload.step])).toEqual([
      ['REMINDER', 1],
      ['YELLOW', 1],
    ]);
    expect(await db.reads().verifyTrace(clerk, late)).toMatchObject({ ok: true });
  });

  it('leaves a suspended case alone, and starts a new step with a fresh clock', async () => {
    expect(await cards(paused)).toEqual([]);
    db.setNow(db.workingDaysAfter(MONDAY, 3));
    await db.transitions.advance(
      clerk,
      { caseId: late, result: '已受理', attachments: [anAttachment('受理通知书')] },
      db.key(),
    );
    expect(await db.scheduler.runOnce(db.workingDaysAfter(MONDAY, 5))).toMatchObject({ examined: 1, raised: 0 });
    expect(await db.scheduler.runOnce(db.workingDaysAfter(MONDAY, 7))).toMatchObject({ raised: 1 });
    expect((await cards(late)).at(-1)).toEqual({ level: 'REMINDER', scope: 'step:2', step_no: 2 });
    expect((await db.reads().get(clerk, late)).cardLevel).toBe('YELLOW');
  });
});
