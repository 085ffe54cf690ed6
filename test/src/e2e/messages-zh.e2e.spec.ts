import { CardScheduler } from '@sunlight/cases';
import { createLogger, Role } from '@sunlight/shared';
import { fileCase, FILE_CASE, publishTestPower } from '../support/case-fixtures';
import { startStack, type GqlError, type Stack } from '../support/start-stack';

const COUNTY = '139901000000';
const VILLAGE = '139902001003';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const HAN = /[\u4e00-\u9fa5]/;

/** The error a person reads: its code is the stable English one, its message and problems Chinese. */
function expectChinese(error: GqlError | undefined, code: string): void {
  expect(error?.extensions?.code).toBe(code);
  expect(error?.message).toMatch(HAN);
  const problems = (error?.extensions?.['problems'] ?? []) as { message: string }[];
  for (const p of problems) expect(p.message).toMatch(HAN);
}

describe('messages people read are zh-CN, codes stay English, through the gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('gateway: a malformed Authorization header and a query over the alias limit', async () => {
    const header = await stack.gql('{ __typename }', { headers: { authorization: 'Basic abc' } });
    expectChinese(header.errors?.[0], 'UNAUTHENTICATED');
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
    const tooMany = await stack.gql(`{ ${aliases} }`);
    expectChinese(tooMany.errors?.[0], 'TOO_MANY_ALIASES');
    expect(tooMany.errors?.[0]?.message).toBe('字段别名数量 31 超过上限 30');
  });

  it('powers: a unit code that is not a division code', async () => {
    const res = await stack.gql('{ unit(code: "123") { name } }');
    expectChinese(res.errors?.[0], 'VALIDATION_FAILED');
    expect(res.errors?.[0]?.extensions?.field).toBe('code');
  });

  it('cases: field problems of a filing, and a role refusal', async () => {
    const clerk = await stack.tokenFor(Role.CLERK, COUNTY);
    const bad = await stack.gql(FILE_CASE, {
      token: clerk,
      variables: {
        key: 'zh-file-bad-1',
        input: { powerId: 'not-a-power', applicant: { name: ' ', idNumber: '1', phone: '1' }, details: ' ' },
      },
    });
    expectChinese(bad.errors?.[0], 'VALIDATION_FAILED');
    const problems = bad.errors?.[0]?.extensions?.['problems'] as { field: string; message: string }[];
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['applicant.name', 'details', 'powerId', 'applicant.phone']),
    );
    expect(problems.find((p) => p.field === 'details')?.message).toBe('必填');

    const inspector = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const complete = await stack.gql(FILE_CASE, {
      token: inspector,
      variables: {
        key: 'zh-file-bad-3',
        input: {
          powerId: NO_SUCH_ID,
          applicant: { name: '王小明', idNumber: '139901199001051234', phone: '13812345678' },
          details: '申请',
        },
      },
    });
    expectChinese(complete.errors?.[0], 'FORBIDDEN');
    expect(complete.errors?.[0]?.message).toBe('纪检监察人员无权受理办件，须由经办人员或单位领导办理');
  });

  it('cases: a checkpoint refusal names the amounts in 元 and the legal basis', async () => {
    const powerId = await publishTestPower(stack, {
      unit: COUNTY,
      code: 'ZH-CHANGE',
      checkpoints: [
        {
          stepNo: 1,
          kind: 'CONTRACT_CHANGE_LIMIT',
          params: { max: 500000, maxRatio: 0.2 },
          legalBasis: '《政府投资条例》第二十一条',
        },
      ],
    });
    const filed = await fileCase(stack, COUNTY, powerId, 'zh-change-file', { amounts: { contractPrice: 2000000 } });
    expect(filed.errors).toBeUndefined();
    const res = await stack.gql(
      `mutation($input: AdvanceCaseInput!, $key: String!) { advanceCase(input: $input, idempotencyKey: $key) { id } }`,
      {
        token: await stack.tokenFor(Role.CLERK, COUNTY),
        variables: {
          key: 'zh-change-adv',
          input: { caseId: filed.data!.fileCase.case.id, result: '同意变更', contractChange: 600000 },
        },
      },
    );
    expectChinese(res.errors?.[0], 'CHECKPOINT_VIOLATED');
    expect(res.errors?.[0]?.message).toBe(
      '合同变更金额 600000 元超过单次变更上限 500000 元（《政府投资条例》第二十一条）',
    );
  });

  it('cases: a card gives its reason in Chinese', async () => {
    const powerId = await publishTestPower(stack, {
      unit: VILLAGE,
      code: 'ZH-CARD',
      steps: [
        { name: '受理', days: 5 },
        { name: '决定', days: 5 },
      ],
      statutoryDays: 12,
      promisedDays: 10,
    });
    const filed = await fileCase(stack, VILLAGE, powerId, 'zh-card-file');
    const caseId = filed.data!.fileCase.case.id;
    const ds = stack.subgraphs['cases']!.dataSource;
    const [{ received_at: receivedAt }] = await ds.query('SELECT received_at FROM "case" WHERE id = $1', [caseId]);
    const calendar = stack.cases.config().calendar;
    const fourDaysOn = new Date(`${calendar.addWorkingDays(receivedAt, 4)}T12:00:00+08:00`);
    await new CardScheduler(ds, stack.cases.config(), createLogger('test')).runOnce(fourDaysOn);
    const view = await stack.gql<{ case: { cards: { level: string; reason: string }[] } }>(
      `{ case(id: "${caseId}") { cards { level reason } } }`,
      { token: await stack.tokenFor(Role.INSPECTOR, '139902000000') },
    );
    expect(view.errors).toBeUndefined();
    expect(view.data!.case.cards).toEqual([{ level: 'REMINDER', reason: '第1步已用 4/5 个工作日' }]);
  });

  it('complaints, alerts and evaluations: not found, and signing in asked for', async () => {
    const inspector = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const accept = await stack.gql(
      `mutation { acceptComplaint(id: "${NO_SUCH_ID}", note: "受理", idempotencyKey: "zh-accept-1") { status } }`,
      { token: inspector },
    );
    expectChinese(accept.errors?.[0], 'COMPLAINT_NOT_FOUND');

    const alert = await stack.gql(`{ alert(id: "${NO_SUCH_ID}") { id } }`, { token: inspector });
    expectChinese(alert.errors?.[0], 'ALERT_NOT_FOUND');
    const publicAlerts = await stack.gql('{ alerts(first: 1) { edges { node { id } } } }');
    expectChinese(publicAlerts.errors?.[0], 'UNAUTHENTICATED');
    expect(publicAlerts.errors?.[0]?.message).toBe('请先登录再查看预警');

    const rate = await stack.gql(
      'mutation($input: RateCaseInput!, $key: String!) { rateCase(input: $input, idempotencyKey: $key) { id } }',
      {
        variables: {
          key: 'zh-rate-1',
          input: { caseNumber: 'NO-SUCH-CASE', queryCode: 'ABCDEFGH', stepNo: 1, score: 5 },
        },
      },
    );
    expectChinese(rate.errors?.[0], 'CASE_NOT_FOUND');
  });
});
