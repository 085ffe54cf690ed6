import { Role } from '@sunlight/shared';
import { ADVANCE_CASE, APPLICANT, attachment, fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const COUNTY = '139901000000';

describe('a case from filing to completion, through the gateway', () => {
  let stack: Stack;
  let powerId: string;

  beforeAll(async () => {
    stack = await startStack();
    powerId = await publishTestPower(stack, {
      unit: COUNTY,
      code: 'FLOW-1',
      checkpoints: [
        {
          stepNo: 1,
          kind: 'REQUIRED_ATTACHMENTS',
          params: { attachments: ['申请书'] },
          legalBasis: '《测试条例》第五条',
        },
        {
          stepNo: 2,
          kind: 'CONTRACT_CHANGE_LIMIT',
          params: { max: 500000, maxRatio: 0.2 },
          legalBasis: '《政府投资条例》第二十一条',
        },
      ],
    });
  });
  afterAll(() => stack.stop());

  it('files, advances through every step under its checkpoints, and is decided by someone else', async () => {
    const clerk = await stack.tokenFor(Role.CLERK, COUNTY);
    const leader = await stack.tokenFor(Role.LEADER, COUNTY);
    const filed = await fileCase(stack, COUNTY, powerId, 'flow-file-0001', { amounts: { contractPrice: 2000000 } });
    expect(filed.errors).toBeUndefined();
    const { case: c, queryCode, receiptHash } = filed.data!.fileCase;
    expect(c.number).toMatch(/^139901000000-\d{4}-\d{6}$/);
    expect(c.status).toBe('RECEIVED');
    expect(queryCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(receiptHash).toMatch(/^[0-9a-f]{64}$/);

    // step 1 needs the application form
    const missing = await stack.gql(ADVANCE_CASE, {
      token: clerk,
      variables: { key: 'flow-adv-1a', input: { caseId: c.id, result: '材料齐全' } },
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'CHECKPOINT_VIOLATED' });
    expect(missing.errors?.[0]?.message).toContain('申请书');
    const step2 = await stack.gql<{ advanceCase: { currentStep: number; status: string } }>(ADVANCE_CASE, {
      token: clerk,
      variables: {
        key: 'flow-adv-1b',
        input: { caseId: c.id, result: '材料齐全，予以受理', attachments: [attachment('申请书')] },
      },
    });
    expect(step2.errors).toBeUndefined();
    expect(step2.data!.advanceCase).toEqual({ id: c.id, status: 'IN_PROGRESS', currentStep: 2 });

    // a 600,000 CNY change breaks the 500,000 single-change limit
    const tooBig = await stack.gql(ADVANCE_CASE, {
      token: clerk,
      variables: { key: 'flow-adv-2a', input: { caseId: c.id, result: '同意变更', contractChange: 600000 } },
    });
    const blocked = tooBig.errors?.[0];
    expect(blocked?.extensions?.code).toBe('CHECKPOINT_VIOLATED');
    expect(blocked?.message).toContain('600000');
    expect(blocked?.message).toContain('500000');
    expect(blocked?.message).toContain('《政府投资条例》第二十一条');
    const violations = blocked?.extensions?.['violations'] as { kind: string; legalBasis: string }[];
    expect(violations.map((v) => v.kind)).toEqual(['CONTRACT_CHANGE_LIMIT']);

    const step3 = await stack.gql<{ advanceCase: { currentStep: number } }>(ADVANCE_CASE, {
      token: clerk,
      variables: { key: 'flow-adv-2b', input: { caseId: c.id, result: '同意变更30万元', contractChange: 300000 } },
    });
    expect(step3.data?.advanceCase.currentStep).toBe(3);

    // the clerk handled earlier steps and may not also decide
    const COMPLETE =
      'mutation($input: CompleteCaseInput!, $key: String!) { completeCase(input: $input, idempotencyKey: $key) { status outcome completedAt } }';
    const selfApproval = await stack.gql(COMPLETE, {
      token: clerk,
      variables: { key: 'flow-done-a', input: { caseId: c.id, outcome: 'APPROVED', result: '准予' } },
    });
    expect(selfApproval.errors?.[0]?.extensions?.code).toBe('SEPARATION_OF_DUTIES');
    const done = await stack.gql<{ completeCase: { status: string; outcome: string } }>(COMPLETE, {
      token: leader,
      variables: { key: 'flow-done-b', input: { caseId: c.id, outcome: 'APPROVED', result: '准予许可' } },
    });
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeCase).toMatchObject({ status: 'COMPLETED', outcome: 'APPROVED' });

    // the trace holds every transition and every blocked attempt, chained
    const traced = await stack.gql<{
      case: { events: { kind: string; seq: number; hash: string; previousHash: string }[]; steps: { state: string }[] };
      verifyCaseTrace: { ok: boolean; events: number };
    }>(
      `{ case(id: "${c.id}") { events { seq kind hash previousHash } steps { state } } verifyCaseTrace(caseId: "${c.id}") { ok events } }`,
      { token: leader },
    );
    const kinds = traced.data!.case.events.map((e) => e.kind);
    expect(kinds).toEqual([
      'FILED',
      'CHECKPOINT_BLOCKED',
      'STEP_ADVANCED',
      'CHECKPOINT_BLOCKED',
      'STEP_ADVANCED',
      'ACTION_REFUSED',
      'COMPLETED',
    ]);
    const events = traced.data!.case.events;
    for (let i = 1; i < events.length; i++) expect(events[i]!.previousHash).toBe(events[i - 1]!.hash);
    expect(events[0]!.hash).toBe(receiptHash);
    expect(traced.data!.verifyCaseTrace).toEqual({ ok: true, events: 7 });
    expect(traced.data!.case.steps.map((s) => s.state)).toEqual(['DONE', 'DONE', 'DONE']);

    const outbox = await stack.subgraphs['cases']!.dataSource.query(
      `SELECT topic FROM outbox WHERE aggregate_id = $1 ORDER BY id`,
      [c.id],
    );
    expect(outbox.map((o: { topic: string }) => o.topic)).toEqual([
      'case.filed',
      'case.checkpoint_blocked',
      'case.step_advanced',
      'case.checkpoint_blocked',
      'case.step_advanced',
      'case.completed',
    ]);
    const payloads = JSON.stringify(await stack.subgraphs['cases']!.dataSource.query('SELECT payload FROM outbox'));
    for (const secret of Object.values(APPLICANT)) expect(payloads).not.toContain(secret);

    // the public sees progress and hashes with the query code, and no personal data
    const progress = await stack.gql<{
      caseProgress: { status: string; steps: { state: string }[]; events: { kind: string; hash: string }[] };
    }>(
      `{ caseProgress(number: "${c.number}", queryCode: "${queryCode}") { status powerName steps { name state finishedAt } events { seq kind at hash } } }`,
    );
    expect(progress.errors).toBeUndefined();
    expect(progress.data!.caseProgress.status).toBe('COMPLETED');
    expect(progress.data!.caseProgress.events.map((e) => e.kind)).toEqual([
      'FILED',
      'STEP_ADVANCED',
      'STEP_ADVANCED',
      'COMPLETED',
    ]);
    expect(progress.data!.caseProgress.events[0]!.hash).toBe(receiptHash);
    const text = JSON.stringify(progress);
    for (const secret of Object.values(APPLICANT)) expect(text).not.toContain(secret);
  });

  it('answers a wrong query code exactly like an unknown case, and rate-limits guessing', async () => {
    const filed = await fileCase(stack, COUNTY, powerId, 'flow-file-0002', { attachments: [attachment('申请书')] });
    const { number } = filed.data!.fileCase.case;
    const wrong = await stack.gql(`{ caseProgress(number: "${number}", queryCode: "AAAAAAAA") { status } }`);
    const unknown = await stack.gql(
      '{ caseProgress(number: "139901000000-2026-999999", queryCode: "AAAAAAAA") { status } }',
    );
    expect(wrong.errors?.[0]).toMatchObject({
      message: unknown.errors?.[0]?.message,
      extensions: { code: 'CASE_NOT_FOUND' },
    });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('CASE_NOT_FOUND');
    for (let i = 0; i < 20; i++)
      await stack.gql(`{ caseProgress(number: "${number}", queryCode: "BBBBBBB${i % 10}") { status } }`);
    const limited = await stack.gql(
      `{ caseProgress(number: "${number}", queryCode: "${filed.data!.fileCase.queryCode}") { status } }`,
    );
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('files exactly one case under 20 concurrent retries of one key', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => fileCase(stack, COUNTY, powerId, 'flow-file-retry-1')),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(new Set(results.map((r) => r.data!.fileCase.case.number)).size).toBe(1);
    expect(new Set(results.map((r) => r.data!.fileCase.queryCode)).size).toBe(1);
    const [row] = await stack.subgraphs['cases']!.dataSource.query(
      'SELECT count(*)::int AS n FROM "case" WHERE number = $1',
      [results[0]!.data!.fileCase.case.number],
    );
    expect(row.n).toBe(1);
    const other = await fileCase(stack, COUNTY, powerId, 'flow-file-retry-1', { details: '不同的申请内容' });
    expect(other.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('runs under the power version it was filed under, even after the power changes', async () => {
    const filed = await fileCase(stack, COUNTY, powerId, 'flow-file-0003', { attachments: [attachment('申请书')] });
    const admin = await stack.tokenFor(Role.ADMIN, COUNTY);
    const edit = await stack.gql(
      'mutation($id: ID!) { updatePower(id: $id, input: { flow: [{ name: "收件", timeLimitDays: 1 }, { name: "审核", timeLimitDays: 2 }, { name: "批准", timeLimitDays: 1 }] }, idempotencyKey: "flow-edit-1") { version } }',
      { token: admin, variables: { id: powerId } },
    );
    expect(edit.errors).toBeUndefined();
    await stack.gql('mutation($id: ID!) { publishPower(id: $id, idempotencyKey: "flow-edit-pub") { version } }', {
      token: admin,
      variables: { id: powerId },
    });
    const view = await stack.gql<{ case: { power: { version: number; name: string }; steps: { name: string }[] } }>(
      `{ case(id: "${filed.data!.fileCase.case.id}") { power { version name } steps { name } } }`,
      { token: admin },
    );
    expect(view.errors).toBeUndefined();
    expect(view.data!.case.power.version).toBe(1);
    expect(view.data!.case.power.name).toBe('测试事项FLOW-1'); // resolved from the powers subgraph, at version 1
    expect(view.data!.case.steps.map((s) => s.name)).toEqual(['受理', '审查', '决定']);
    const fresh = await fileCase(stack, COUNTY, powerId, 'flow-file-0004');
    const freshView = await stack.gql<{ case: { power: { version: number }; steps: { name: string }[] } }>(
      `{ case(id: "${fresh.data!.fileCase.case.id}") { power { version } steps { name } } }`,
      { token: admin },
    );
    expect(freshView.data!.case.power.version).toBe(2);
    expect(freshView.data!.case.steps.map((s) => s.name)).toEqual(['收件', '审核', '批准']);
  });
});
