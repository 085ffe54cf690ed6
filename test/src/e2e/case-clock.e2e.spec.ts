import { CardScheduler } from '@sunlight/cases';
import { createLogger, createServiceDataSource, Role } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { ADVANCE_CASE, attachment, fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const VILLAGE = '139902001003';

describe('clocks and cards, with time injected and two schedulers racing', () => {
  let stack: Stack;
  let powerId: string;
  let second: DataSource;

  beforeAll(async () => {
    stack = await startStack();
    // step 1: 5 working days; the case: 12 working days
    powerId = await publishTestPower(stack, {
      unit: VILLAGE,
      code: 'CLOCK-1',
      steps: [
        { name: '受理', days: 5 },
        { name: '决定', days: 5 },
      ],
      statutoryDays: 12,
      promisedDays: 10,
    });
    second = createServiceDataSource({ url: stack.databaseUrl, schema: 'cases', entities: [], migrations: [] });
    await second.initialize();
  });
  afterAll(async () => {
    await second.destroy();
    await stack.stop();
  });

  /** Noon (local) on the day when exactly `n` working days have passed since `from`. */
  const afterWorkingDays = (from: Date, n: number) => {
    const calendar = stack.cases.config().calendar;
    return n === 0 ? from : new Date(`${calendar.addWorkingDays(from, n)}T12:00:00+08:00`);
  };

  async function tickBoth(now: Date): Promise<number> {
    const logger = createLogger('test');
    const a = new CardScheduler(stack.subgraphs['cases']!.dataSource, stack.cases.config(), logger);
    const b = new CardScheduler(second, stack.cases.config(), logger);
    const [ra, rb] = await Promise.all([a.runOnce(now), b.runOnce(now)]);
    return ra.raised + rb.raised;
  }

  it('raises REMINDER, then YELLOW, then RED at the working-day boundaries, once each', async () => {
    const filed = await fileCase(stack, VILLAGE, powerId, 'clock-file-0001');
    expect(filed.errors).toBeUndefined();
    const caseId = filed.data!.fileCase.case.id;
    const ds = stack.subgraphs['cases']!.dataSource;
    const [{ received_at: receivedAt }] = await ds.query('SELECT received_at FROM "case" WHERE id = $1', [caseId]);
    const cards = async () =>
      (await ds.query('SELECT level, step_no FROM card WHERE case_id = $1 ORDER BY raised_at, level', [caseId])).map(
        (c: { level: string }) => c.level,
      );

    expect(await tickBoth(afterWorkingDays(receivedAt, 3))).toBe(0);
    expect(await cards()).toEqual([]);
    expect(await tickBoth(afterWorkingDays(receivedAt, 4))).toBe(1); // 4 of 5 days = 80%
    expect(await cards()).toEqual(['REMINDER']);
    expect(await tickBoth(afterWorkingDays(receivedAt, 5))).toBe(0); // due today, not yet late
    expect(await tickBoth(afterWorkingDays(receivedAt, 6))).toBe(1); // one working day late
    expect(await cards()).toEqual(['REMINDER', 'YELLOW']);
    expect(await tickBoth(afterWorkingDays(receivedAt, 8))).toBe(0); // 3 days late: still yellow
    expect(await tickBoth(afterWorkingDays(receivedAt, 9))).toBe(1); // more than 3 days late
    expect(await cards()).toEqual(['REMINDER', 'YELLOW', 'RED']);
    for (let i = 0; i < 3; i++) expect(await tickBoth(afterWorkingDays(receivedAt, 10 + i))).toBe(0);
    // the statutory limit (12) passing adds the case-level red card, once
    expect(await tickBoth(afterWorkingDays(receivedAt, 13))).toBe(1);
    expect(await tickBoth(afterWorkingDays(receivedAt, 14))).toBe(0);
    expect(await cards()).toEqual(['REMINDER', 'YELLOW', 'RED', 'RED']);

    const events = await ds.query(
      `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND kind = 'CARD_RAISED'`,
      [caseId],
    );
    expect(events[0].n).toBe(4);
    const outbox = await ds.query(
      `SELECT payload->>'level' AS level FROM outbox WHERE aggregate_id = $1 AND topic = 'case.card_raised' ORDER BY id`,
      [caseId],
    );
    expect(outbox.map((o: { level: string }) => o.level)).toEqual(['REMINDER', 'YELLOW', 'RED', 'RED']);
    const view = await stack.gql<{ case: { cardLevel: string; cards: { level: string }[] } }>(
      `{ case(id: "${caseId}") { cardLevel cards { level } } }`,
      {
        token: await stack.tokenFor(Role.INSPECTOR, '139902000000'),
      },
    );
    expect(view.data!.case.cardLevel).toBe('RED');
    const verify = await stack.gql<{ verifyCaseTrace: { ok: boolean } }>(
      `{ verifyCaseTrace(caseId: "${caseId}") { ok } }`,
      { token: await stack.tokenFor(Role.INSPECTOR, '139902000000') },
    );
    expect(verify.data!.verifyCaseTrace.ok).toBe(true);
  });

  it('does not count suspended time', async () => {
    const clerk = await stack.tokenFor(Role.CLERK, VILLAGE);
    const filed = await fileCase(stack, VILLAGE, powerId, 'clock-file-0002');
    const caseId = filed.data!.fileCase.case.id;
    const suspended = await stack.gql(
      'mutation($id: ID!) { suspendCase(input: { caseId: $id, reason: SUPPLEMENT_MATERIALS, note: "请补正身份证明" }, idempotencyKey: "clock-susp-1") { status } }',
      {
        token: clerk,
        variables: { id: caseId },
      },
    );
    expect(suspended.errors).toBeUndefined();
    const ds = stack.subgraphs['cases']!.dataSource;
    const [{ received_at: receivedAt }] = await ds.query('SELECT received_at FROM "case" WHERE id = $1', [caseId]);
    // a suspended case is not examined at all, however long it waits
    await tickBoth(afterWorkingDays(receivedAt, 20));
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM card WHERE case_id = $1', [caseId]);
    expect(n).toBe(0);
  });

  it('re-arms step cards when the case moves on to the next step', async () => {
    const clerk = await stack.tokenFor(Role.CLERK, VILLAGE);
    const filed = await fileCase(stack, VILLAGE, powerId, 'clock-file-0003');
    const caseId = filed.data!.fileCase.case.id;
    const ds = stack.subgraphs['cases']!.dataSource;
    const [{ received_at: receivedAt }] = await ds.query('SELECT received_at FROM "case" WHERE id = $1', [caseId]);
    expect(await tickBoth(afterWorkingDays(receivedAt, 4))).toBe(1);
    const moved = await stack.gql(ADVANCE_CASE, {
      token: clerk,
      variables: { key: 'clock-adv-3', input: { caseId, result: '受理', attachments: [attachment('说明')] } },
    });
    expect(moved.errors).toBeUndefined();
    const [{ step_started_at: stepStart }] = await ds.query('SELECT step_started_at FROM "case" WHERE id = $1', [
      caseId,
    ]);
    expect(await tickBoth(afterWorkingDays(stepStart, 4))).toBe(1);
    const levels = await ds.query('SELECT level, step_no FROM card WHERE case_id = $1 ORDER BY step_no', [caseId]);
    expect(levels).toEqual([
      { level: 'REMINDER', step_no: 1 },
      { level: 'REMINDER', step_no: 2 },
    ]);
  });
});
