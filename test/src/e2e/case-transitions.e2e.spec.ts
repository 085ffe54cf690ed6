import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookCardNotifier, type CardNotice } from '@sunlight/cases';
import { createLogger, Role } from '@sunlight/shared';
import { ADVANCE_CASE, fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const TOWNSHIP = '139903002000';

describe('case transitions: no skipping, returns, extensions, withdrawal', () => {
  let stack: Stack;
  let powerId: string;
  let clerk: string;
  let leader: string;

  beforeAll(async () => {
    stack = await startStack();
    powerId = await publishTestPower(stack, { unit: TOWNSHIP, code: 'TRANS-1' });
    clerk = await stack.tokenFor(Role.CLERK, TOWNSHIP);
    leader = await stack.tokenFor(Role.LEADER, TOWNSHIP);
  });
  afterAll(() => stack.stop());

  const newCase = async (key: string) => (await fileCase(stack, TOWNSHIP, powerId, key)).data!.fileCase.case.id;

  it('cannot skip steps: completing at step 1 is refused and traced', async () => {
    const id = await newCase('trans-file-1');
    const res = await stack.gql(
      'mutation($id: ID!) { completeCase(input: { caseId: $id, outcome: APPROVED, result: "直接办结" }, idempotencyKey: "trans-skip-1") { status } }',
      { token: leader, variables: { id } },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const again = await stack.gql(
      'mutation($id: ID!) { completeCase(input: { caseId: $id, outcome: APPROVED, result: "直接办结" }, idempotencyKey: "trans-skip-1") { status } }',
      { token: leader, variables: { id } },
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const [{ n }] = await stack.subgraphs['cases']!.dataSource.query(
      `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND kind = 'ACTION_REFUSED'`,
      [id],
    );
    expect(n).toBe(1); // the retry of the same refused request is not traced twice
  });

  it('returns to an earlier step and runs forward again', async () => {
    const id = await newCase('trans-file-2');
    await stack.gql(ADVANCE_CASE, {
      token: clerk,
      variables: { key: 'trans-adv-2a', input: { caseId: id, result: '受理' } },
    });
    const back = await stack.gql<{ returnCase: { currentStep: number } }>(
      'mutation($id: ID!) { returnCase(input: { caseId: $id, toStep: 1, reason: "材料需补正" }, idempotencyKey: "trans-ret-2") { currentStep } }',
      {
        token: clerk,
        variables: { id },
      },
    );
    expect(back.data?.returnCase.currentStep).toBe(1);
    const forward = await stack.gql(
      'mutation($id: ID!) { returnCase(input: { caseId: $id, toStep: 2, reason: "x" }, idempotencyKey: "trans-ret-2b") { currentStep } }',
      { token: clerk, variables: { id } },
    );
    expect(forward.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'toStep' });
  });

  it("extends only with the unit leader's approval, who must not have handled the case", async () => {
    const id = await newCase('trans-file-3');
    const EXTEND =
      'mutation($id: ID!, $k: String!) { extendCase(input: { caseId: $id, days: 5, reason: "需组织专家论证" }, idempotencyKey: $k) { steps { stepNo timeLimitDays state } } }';
    const byClerk = await stack.gql(EXTEND, { token: clerk, variables: { id, k: 'trans-ext-3a' } });
    expect(byClerk.errors?.[0]?.extensions?.code).toBe('NOT_HANDLER');
    const byOtherLeader = await stack.gql(EXTEND, {
      token: await stack.tokenFor(Role.LEADER, '139903000000'),
      variables: { id, k: 'trans-ext-3b' },
    });
    expect(byOtherLeader.errors?.[0]?.extensions?.code).toBe('NOT_HANDLER');
    const ok = await stack.gql<{ extendCase: { steps: { stepNo: number; timeLimitDays: number; state: string }[] } }>(
      EXTEND,
      { token: leader, variables: { id, k: 'trans-ext-3c' } },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.extendCase.steps[0]).toEqual({ stepNo: 1, timeLimitDays: 6, state: 'CURRENT' });
    // a leader who handled a step may not approve that case's extension
    const handled = await newCase('trans-file-3d');
    await stack.gql(ADVANCE_CASE, {
      token: leader,
      variables: { key: 'trans-adv-3d', input: { caseId: handled, result: '受理' } },
    });
    const self = await stack.gql(EXTEND, { token: leader, variables: { id: handled, k: 'trans-ext-3d' } });
    expect(self.errors?.[0]?.extensions?.code).toBe('SEPARATION_OF_DUTIES');
  });

  it('withdraws and then refuses further action', async () => {
    const id = await newCase('trans-file-4');
    const w = await stack.gql<{ withdrawCase: { status: string } }>(
      'mutation($id: ID!) { withdrawCase(caseId: $id, reason: "申请人撤回申请", idempotencyKey: "trans-wd-4") { status } }',
      { token: clerk, variables: { id } },
    );
    expect(w.data?.withdrawCase.status).toBe('WITHDRAWN');
    const after = await stack.gql(ADVANCE_CASE, {
      token: clerk,
      variables: { key: 'trans-adv-4', input: { caseId: id, result: 'x' } },
    });
    expect(after.errors?.[0]?.extensions?.code).toBe('CASE_CLOSED');
  });

  it('a clerk of another department of the same unit sees the case but may not act on it', async () => {
    const id = await newCase('trans-file-5');
    const other = await stack.tokens.issue({
      subject: 'clerk.other',
      role: Role.CLERK,
      unit: TOWNSHIP,
      department: '00000000-0000-0000-0000-000000000001',
    });
    const res = await stack.gql(ADVANCE_CASE, {
      token: other,
      variables: { key: 'trans-adv-5', input: { caseId: id, result: 'x' } },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_HANDLER');
  });

  it('sends card notices to the SMS webhook', async () => {
    const received: unknown[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const notifier = new WebhookCardNotifier(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
        createLogger('test'),
      );
      const notice: CardNotice = {
        caseId: 'c1',
        caseNumber: '139903002000-2026-000001',
        unitCode: TOWNSHIP,
        level: 'RED',
        stepNo: 2,
        reason: 'overdue',
      };
      await notifier.notify(notice);
      expect(received).toEqual([notice]);
    } finally {
      server.close();
    }
  });
});
