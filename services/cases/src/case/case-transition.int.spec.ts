import { Role, type Principal } from '@sunlight/shared';
import { anAttachment, aFiling } from '../testing/case-input.builder';
import { openCasesDatabase, staff, type CasesDatabase } from '../testing/cases-database';
import { aPowerSnapshot } from '../testing/power-snapshot.builder';
import { aReviewFlow } from '../testing/review-flow';
import { caseTrace } from '../trace/case-trace';
import { CaseOutcome, SuspendReason } from './case.input';

const COUNTY = '139901000000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('CaseTransitionService on PostgreSQL', () => {
  let db: CasesDatabase;
  const { intake, filer, reviewer, leader, power } = aReviewFlow(COUNTY);

  beforeAll(async () => {
    db = await openCasesDatabase(MONDAY, power);
  });
  afterAll(() => db.close());

  const file = async () => (await db.filing.file(filer, aFiling(power.id).build(), db.key())).caseId;
  const status = async (caseId: string) => (await db.reads().get(leader, caseId)).row;
  const events = async (caseId: string) =>
    (
      (await db.ds.query('SELECT kind FROM case_event WHERE case_id = $1 ORDER BY seq', [caseId])) as { kind: string }[]
    ).map((e) => e.kind);
  const topics = async (caseId: string) =>
    (
      (await db.ds.query('SELECT topic FROM outbox WHERE aggregate_id = $1 ORDER BY id', [caseId])) as {
        topic: string;
      }[]
    ).map((e) => e.topic);
  const advance = (p: Principal, caseId: string, key = db.key(), withLicence = false) =>
    db.transitions.advance(
      p,
      { caseId, result: '材料齐全', ...(withLicence ? { attachments: [anAttachment('营业执照')] } : {}) },
      key,
    );

  describe('a case through its whole flow', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await file();
    });

    it('lets only the post of the current step or the leader act, and traces the refusal', async () => {
      await expect(advance(reviewer, caseId, db.key(), true)).rejects.toMatchObject({
        extensions: { code: 'NOT_HANDLER' },
      });
      await expect(advance(staff.inspector(COUNTY), caseId)).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      await expect(advance(staff.clerk('139902000000', intake), caseId)).rejects.toMatchObject({
        extensions: { code: 'CASE_NOT_FOUND' },
      });
      expect(await events(caseId)).toEqual(['FILED', 'ACTION_REFUSED']);
      expect((await status(caseId)).currentStep).toBe(1);
    });

    it('stops at a checkpoint, naming the missing material, and records the block once per request', async () => {
      const key = db.key();
      const refused = advance(filer, caseId, key);
      await expect(refused).rejects.toMatchObject({
        extensions: {
          code: 'CHECKPOINT_VIOLATED',
          violations: [{ kind: 'REQUIRED_ATTACHMENTS', checkpointId: power.checkpoints[0]!.id }],
        },
      });
      await expect(advance(filer, caseId, key)).rejects.toMatchObject({ extensions: { code: 'CHECKPOINT_VIOLATED' } });
      expect(await events(caseId)).toEqual(['FILED', 'ACTION_REFUSED', 'CHECKPOINT_BLOCKED']);
      const [blocked] = (await db.ds.query(
        "SELECT payload FROM outbox WHERE topic = 'case.checkpoint_blocked' AND aggregate_id = $1",
        [caseId],
      )) as { payload: Record<string, unknown> }[];
      expect(blocked?.payload).toMatchObject({
        caseId,
        step: 1,
        actor: 'clerk-intake',
        violations: [{ kind: 'REQUIRED_ATTACHMENTS' }],
      });
      expect(await status(caseId)).toMatchObject({ currentStep: 1, status: 'RECEIVED' });
    });

    it('advances with the material, and answers a retry with the same write', async () => {
      const key = db.key();
      const moved = await advance(filer, caseId, key, true);
      expect(moved.row).toMatchObject({ currentStep: 2, stepEntry: 2, status: 'IN_PROGRESS' });
      expect(await advance(filer, caseId, key, true)).toEqual({ caseId, row: null });
      expect(await status(caseId)).toMatchObject({ currentStep: 2, stepEntry: 2 });
      expect(await topics(caseId)).toEqual(['case.filed', 'case.checkpoint_blocked', 'case.step_advanced']);
    });

    it('refuses to skip a step or to return forward, and returns to an earlier step', async () => {
      await expect(
        db.transitions.complete(leader, { caseId, outcome: CaseOutcome.APPROVED, result: '准予' }, db.key()),
      ).rejects.toMatchObject({
        extensions: { code: 'INVALID_TRANSITION' },
      });
      await expect(
        db.transitions.returnTo(reviewer, { caseId, toStep: 2, reason: '补正' }, db.key()),
      ).rejects.toMatchObject({ extensions: { code: 'VALIDATION_FAILED', field: 'toStep' } });
      const back = await db.transitions.returnTo(reviewer, { caseId, toStep: 1, reason: '材料需补正' }, db.key());
      expect(back.row).toMatchObject({ currentStep: 1, stepEntry: 3, status: 'IN_PROGRESS' });
      // the licence was attached on the first pass: the checkpoint still counts it
      expect((await advance(filer, caseId)).row).toMatchObject({ currentStep: 2, stepEntry: 4 });
    });

    it('suspends and resumes the clock, refusing to move a suspended case', async () => {
      const suspended = await db.transitions.suspend(
        reviewer,
        { caseId, reason: SuspendReason.EXPERT_APPRAISAL, note: '专家评审' },
        db.key(),
      );
      expect(suspended.row).toMatchObject({ status: 'SUSPENDED', suspendedSince: MONDAY });
      await expect(advance(reviewer, caseId)).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
      await expect(
        db.transitions.suspend(reviewer, { caseId, reason: SuspendReason.OTHER, note: '再次' }, db.key()),
      ).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
      db.setNow(db.workingDaysAfter(MONDAY, 2));
      expect((await db.transitions.resume(reviewer, caseId, db.key())).row).toMatchObject({
        status: 'IN_PROGRESS',
        suspendedSince: null,
      });
      await expect(db.transitions.resume(reviewer, caseId, db.key())).rejects.toMatchObject({
        extensions: { code: 'INVALID_TRANSITION' },
      });
      expect(
        await db.count('SELECT count(*) FROM case_pause WHERE case_id = $1 AND ended_at IS NOT NULL', [caseId]),
      ).toBe(1);
    });

    it('keeps whoever handled an earlier step from deciding the case', async () => {
      await advance(reviewer, caseId);
      expect((await status(caseId)).currentStep).toBe(3);
      await expect(advance(filer, caseId)).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
      await expect(
        db.transitions.complete(filer, { caseId, outcome: CaseOutcome.APPROVED, result: '准予' }, db.key()),
      ).rejects.toMatchObject({
        extensions: { code: 'SEPARATION_OF_DUTIES' },
      });
      const [last] = (await db.ds.query(
        'SELECT kind, actor, payload FROM case_event WHERE case_id = $1 ORDER BY seq DESC LIMIT 1',
        [caseId],
      )) as { kind: string; actor: string; payload: unknown }[];
      expect(last).toMatchObject({
        kind: 'ACTION_REFUSED',
        actor: 'clerk-intake',
        payload: { operation: 'completeCase', code: 'SEPARATION_OF_DUTIES', step: 3 },
      });
    });

    it('completes on time by the leader, without the suspended days, and then refuses every move', async () => {
      db.setNow(db.workingDaysAfter(MONDAY, 4));
      const done = await db.transitions.complete(
        leader,
        { caseId, outcome: CaseOutcome.APPROVED, result: '准予许可' },
        db.key(),
      );
      expect(done.row).toMatchObject({ status: 'COMPLETED', outcome: 'APPROVED', completedAt: db.config.now() });
      const [completed] = (await db.ds.query(
        "SELECT payload FROM outbox WHERE topic = 'case.completed' AND aggregate_id = $1",
        [caseId],
      )) as { payload: Record<string, unknown> }[];
      expect(completed?.payload).toMatchObject({ outcome: 'APPROVED', workingDays: 2, onTime: true });
      await expect(advance(leader, caseId)).rejects.toMatchObject({ extensions: { code: 'CASE_CLOSED' } });
      await expect(db.transitions.withdraw(leader, caseId, '撤回', db.key())).rejects.toMatchObject({
        extensions: { code: 'CASE_CLOSED' },
      });
      expect(await topics(caseId)).toEqual([
        'case.filed',
        'case.checkpoint_blocked',
        'case.step_advanced',
        'case.returned',
        'case.step_advanced',
        'case.suspended',
        'case.resumed',
        'case.step_advanced',
        'case.completed',
      ]);
    });

    it('keeps a trace whose hash chain verifies, head included', async () => {
      const verdict = await db.reads().verifyTrace(leader, caseId);
      const head = await status(caseId);
      expect(verdict).toEqual({ ok: true, events: head.lastSeq });
      expect(head.lastSeq).toBe((await events(caseId)).length);
      await expect(db.reads().verifyTrace({ subject: 'svc', role: Role.SERVICE }, caseId)).rejects.toMatchObject({
        extensions: { code: 'CASE_NOT_FOUND' },
      });
    });
  });

  describe('the trace is tamper-evident', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await file();
      await advance(filer, caseId, db.key(), true);
      await advance(reviewer, caseId);
    });

    it('is append-only in the database itself', async () => {
      await expect(
        db.ds.query("UPDATE case_event SET actor = 'someone-else' WHERE case_id = $1 AND seq = 2", [caseId]),
      ).rejects.toThrow(/append-only/);
      await expect(db.ds.query('DELETE FROM case_event WHERE case_id = $1 AND seq = 3', [caseId])).rejects.toThrow(
        /append-only/,
      );
    });

    it('names the first broken event when a payload is changed behind the guard', async () => {
      await db.ds.transaction(async (em) => {
        await em.query("SET LOCAL session_replication_role = 'replica'");
        await em.query(
          `UPDATE case_event SET payload = jsonb_set(payload, '{result}', '"改过的意见"') WHERE case_id = $1 AND seq = 2`,
          [caseId],
        );
      });
      expect(await caseTrace.verify(db.ds.manager, caseId)).toEqual({
        ok: false,
        brokenAtSeq: 2,
        reason: 'HASH_MISMATCH',
      });
    });
  });

  describe('a payment made with the decision (PAYMENT_WITHIN_PROGRESS on the last step)', () => {
    // 立项 (intake) → 验收拨付 (the last step, where the payment rule sits)
    const project = aPowerSnapshot()
      .inUnit(COUNTY)
      .ofDepartment(intake)
      .withFlow(2, 3)
      .withCheckpoint(2, 'PAYMENT_WITHIN_PROGRESS', {})
      .build();
    let caseId: string;
    beforeAll(async () => {
      db.powers.publish(project);
      caseId = (await db.filing.file(filer, aFiling(project.id).build(), db.key())).caseId;
      await db.transitions.advance(
        filer,
        { caseId, result: '合同已签订', amounts: { contractPrice: 1_000_000, progress: 0.5 } },
        db.key(),
      );
    });

    it('blocks a completion paying beyond the confirmed progress, records the block and stores no payment', async () => {
      const key = db.key();
      await expect(
        db.transitions.complete(
          leader,
          { caseId, outcome: CaseOutcome.APPROVED, result: '验收合格，拨付', payment: 600_000 },
          key,
        ),
      ).rejects.toMatchObject({
        extensions: {
          code: 'CHECKPOINT_VIOLATED',
          violations: [
            {
              kind: 'PAYMENT_WITHIN_PROGRESS',
              values: { paidTotal: 600_000, contractPrice: 1_000_000, progress: 0.5, allowed: 500_000 },
            },
          ],
        },
      });
      expect(await status(caseId)).toMatchObject({ status: 'IN_PROGRESS', currentStep: 2 });
      expect((await status(caseId)).amounts.paidTotal).toBeUndefined();
      expect((await events(caseId)).at(-1)).toBe('CHECKPOINT_BLOCKED');
      expect(await topics(caseId)).toContain('case.checkpoint_blocked');
    });

    it('completes with a payment within progress, adding it to the total paid and to the event', async () => {
      const done = await db.transitions.complete(
        leader,
        { caseId, outcome: CaseOutcome.APPROVED, result: '验收合格，拨付', payment: 500_000 },
        db.key(),
      );
      expect(done.row).toMatchObject({ status: 'COMPLETED', amounts: { paidTotal: 500_000 } });
      const [completed] = (await db.ds.query(
        "SELECT payload FROM outbox WHERE topic = 'case.completed' AND aggregate_id = $1",
        [caseId],
      )) as { payload: Record<string, unknown> }[];
      expect(completed?.payload).toMatchObject({ payment: 500_000 });
    });
  });

  it('lets a leader extend a step but not one who handled the case', async () => {
    const caseId = await file();
    await expect(db.transitions.extend(filer, { caseId, days: 5, reason: '情况复杂' }, db.key())).rejects.toMatchObject(
      { extensions: { code: 'NOT_HANDLER' } },
    );
    const filingLeader = staff.leader(COUNTY, 'leader-filed');
    const own = (await db.filing.file(filingLeader, aFiling(power.id).build(), db.key())).caseId;
    await expect(
      db.transitions.extend(filingLeader, { caseId: own, days: 5, reason: '情况复杂' }, db.key()),
    ).rejects.toMatchObject({ extensions: { code: 'SEPARATION_OF_DUTIES' } });
    const extended = await db.transitions.extend(leader, { caseId, days: 5, reason: '情况复杂' }, db.key());
    expect(extended.row).toMatchObject({ stepExtensionDays: 5, caseExtensionDays: 5 });
  });
});
