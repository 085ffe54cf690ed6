import { Role } from '@sunlight/shared';
import { APPLICANT, attachment, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const COUNTY = '139901000000';

const HINTS = `riskHints {
  powerId version stepNo stepName
  checkpoints { kind description requirement legalBasis consequence }
  riskPoints { stepNo level colour levelLabel description measures }
}`;
const CASE = `id status currentStep ${HINTS}`;

interface Hints {
  powerId: string;
  version: number;
  stepNo: number;
  stepName: string;
  checkpoints: { kind: string; description: string; requirement: string; legalBasis: string; consequence: string }[];
  riskPoints: {
    stepNo: number | null;
    level: number;
    colour: string;
    levelLabel: string;
    description: string;
    measures: string[];
  }[];
}
interface HintedCase {
  id: string;
  status: string;
  currentStep: number;
  riskHints: Hints | null;
}

// Version 1 of the power: a risk point at each of the first two steps, one for the power as a whole.
const INTAKE_RISK = {
  stepNo: 1,
  level: 2,
  description: '受理时对材料不全的申请违规受理',
  measures: ['一次性告知补正材料', '受理凭证系统生成'],
};
const REVIEW_RISK = {
  stepNo: 2,
  level: 1,
  description: '审查中降低标准、优亲厚友',
  measures: ['双人审查', '审查意见全程留痕'],
};
const WHOLE_RISK = { stepNo: null, level: 3, description: '超时办理、体外循环', measures: ['超时自动预警'] };
// Added by version 2, published after the first case was filed.
const LATER_RISK = { stepNo: 1, level: 1, description: '第二版新增：受理时索要好处', measures: ['窗口视频监控'] };
const LATER_CHECKPOINT = {
  stepNo: 1,
  kind: 'AMOUNT_LIMIT',
  params: { field: 'amount', max: 100000 },
  legalBasis: '《测试条例》第九条',
  description: '受理金额上限',
};

const CONSEQUENCE = '不符合时系统拒绝本环节流转，拦截记录写入办件留痕，并产生“电子关卡拦截”预警';
const intakeCheckpoint = {
  kind: 'REQUIRED_ATTACHMENTS',
  description: '受理须附申请书',
  requirement: '办结本环节前须上传：申请书',
  legalBasis: '《测试条例》第五条',
  consequence: CONSEQUENCE,
};
const reviewCheckpoint = {
  kind: 'CONTRACT_CHANGE_LIMIT',
  description: '变更红线',
  requirement: '单项变更不得超过 500,000 元，累计变更不得超过合同价的 20%',
  legalBasis: '《政府投资条例》第二十一条',
  consequence: CONSEQUENCE,
};
const COLOURS: Record<number, { colour: string; levelLabel: string }> = {
  1: { colour: 'RED', levelLabel: '一级（红色）' },
  2: { colour: 'ORANGE', levelLabel: '二级（橙色）' },
  3: { colour: 'YELLOW', levelLabel: '三级（黄色）' },
};
/** A risk point as the hints show it: with its level's colour and label. */
const shown = (r: { stepNo: number | null; level: number; description: string; measures: string[] }) => ({
  ...r,
  ...COLOURS[r.level]!,
});

describe('risk hints (前期预警): filing and every transition answer with the current step’s risk points and checkpoints', () => {
  let stack: Stack;
  let powerId: string;
  let clerk: string;
  let leader: string;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack();
    powerId = await publishTestPower(stack, {
      unit: COUNTY,
      code: 'HINTS-1',
      checkpoints: [
        {
          stepNo: 1,
          kind: 'REQUIRED_ATTACHMENTS',
          params: { attachments: ['申请书'] },
          legalBasis: '《测试条例》第五条',
          description: '受理须附申请书',
        },
        {
          stepNo: 2,
          kind: 'CONTRACT_CHANGE_LIMIT',
          params: { max: 500000, maxRatio: 0.2 },
          legalBasis: '《政府投资条例》第二十一条',
          description: '变更红线',
        },
      ],
      riskPoints: [INTAKE_RISK, REVIEW_RISK, WHOLE_RISK],
    });
    clerk = await stack.tokenFor(Role.CLERK, COUNTY);
    leader = await stack.tokenFor(Role.LEADER, COUNTY);
    admin = await stack.tokenFor(Role.ADMIN, COUNTY);
  });
  afterAll(() => stack.stop());

  async function ok<T>(query: string, token: string, variables: Record<string, unknown>): Promise<T> {
    const res = await stack.gql<T>(query, { token, variables });
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  const file = async (key: string) =>
    (
      await ok<{ fileCase: { case: HintedCase } }>(
        `mutation($input: FileCaseInput!, $key: String!) { fileCase(input: $input, idempotencyKey: $key) { case { ${CASE} } } }`,
        clerk,
        { key, input: { powerId, applicant: APPLICANT, details: '申请办理测试事项' } },
      )
    ).fileCase.case;

  /** Runs `field` with the variables `args` declares (`$key` is the idempotency key) and returns the case it answers. */
  async function mutate(field: string, args: string, token: string, variables: Record<string, unknown>) {
    const passed = [...args.matchAll(/\$(\w+):/g)].map(([, v]) => `${v === 'key' ? 'idempotencyKey' : v}: $${v}`);
    const data = await ok<Record<string, HintedCase>>(
      `mutation(${args}) { ${field}(${passed.join(', ')}) { ${CASE} } }`,
      token,
      variables,
    );
    return data[field]!;
  }

  /** Publishes version 2: one more risk point and one more checkpoint at step 1. */
  async function publishVersion2(): Promise<void> {
    await ok(
      'mutation($id: ID!, $input: RiskPointInput!) { addRiskPoint(powerId: $id, input: $input, idempotencyKey: "hints-v2-risk") { version } }',
      admin,
      { id: powerId, input: LATER_RISK },
    );
    await ok(
      'mutation($id: ID!, $input: CheckpointInput!) { addCheckpoint(powerId: $id, input: $input, idempotencyKey: "hints-v2-cp") { version } }',
      admin,
      { id: powerId, input: LATER_CHECKPOINT },
    );
    const published = await ok<{ publishPower: { publishedVersion: number } }>(
      'mutation($id: ID!) { publishPower(id: $id, idempotencyKey: "hints-v2-publish") { publishedVersion } }',
      admin,
      { id: powerId },
    );
    expect(published.publishPower.publishedVersion).toBe(2);
  }

  it('shows the step’s hints of the version filed under after filing, advancing, returning, suspending, resuming, extending; none once completed', async () => {
    const filed = await file('hints-file-a');
    const step1: Hints = {
      powerId,
      version: 1,
      stepNo: 1,
      stepName: '受理',
      checkpoints: [intakeCheckpoint],
      riskPoints: [shown(INTAKE_RISK), shown(WHOLE_RISK)],
    };
    const step2: Hints = {
      ...step1,
      stepNo: 2,
      stepName: '审查',
      checkpoints: [reviewCheckpoint],
      riskPoints: [shown(REVIEW_RISK), shown(WHOLE_RISK)],
    };
    expect(filed.riskHints).toEqual(step1);

    // a later version adds a risk point and a checkpoint at step 1: a case filed now runs under it ...
    await publishVersion2();
    const later = await file('hints-file-b');
    // (checkpoints of one step come in the catalog's order, by id: compared by kind here)
    const byKind = (h: Hints | null) =>
      h && { ...h, checkpoints: [...h.checkpoints].sort((a, b) => a.kind.localeCompare(b.kind)) };
    expect(byKind(later.riskHints)).toEqual({
      ...step1,
      version: 2,
      checkpoints: [
        {
          kind: 'AMOUNT_LIMIT',
          description: '受理金额上限',
          requirement: '金额不得超过 100,000 元',
          legalBasis: '《测试条例》第九条',
          consequence: CONSEQUENCE,
        },
        intakeCheckpoint,
      ],
      riskPoints: [shown(LATER_RISK), shown(INTAKE_RISK), shown(WHOLE_RISK)],
    });

    // ... the first case keeps version 1's hints at every step
    const id = filed.id;
    const ADVANCE = ['advanceCase', '$input: AdvanceCaseInput!, $key: String!'] as const;
    const advanced = await mutate(...ADVANCE, clerk, {
      key: 'hints-adv-a1',
      input: { caseId: id, result: '材料齐全，予以受理', attachments: [attachment('申请书')] },
    });
    expect(advanced).toMatchObject({ currentStep: 2, riskHints: step2 });

    const returned = await mutate('returnCase', '$input: ReturnCaseInput!, $key: String!', clerk, {
      key: 'hints-ret-a',
      input: { caseId: id, toStep: 1, reason: '材料需补正' },
    });
    expect(returned).toMatchObject({ currentStep: 1, riskHints: step1 });

    await mutate(...ADVANCE, clerk, { key: 'hints-adv-a2', input: { caseId: id, result: '补正后受理' } });
    const suspended = await mutate('suspendCase', '$input: SuspendCaseInput!, $key: String!', clerk, {
      key: 'hints-susp-a',
      input: { caseId: id, reason: 'EXPERT_APPRAISAL', note: '专家评审' },
    });
    expect(suspended).toMatchObject({ status: 'SUSPENDED', riskHints: step2 });
    const resumed = await mutate('resumeCase', '$caseId: ID!, $key: String!', clerk, {
      key: 'hints-res-a',
      caseId: id,
    });
    expect(resumed).toMatchObject({ status: 'IN_PROGRESS', riskHints: step2 });
    const extended = await mutate('extendCase', '$input: ExtendCaseInput!, $key: String!', leader, {
      key: 'hints-ext-a',
      input: { caseId: id, days: 2, reason: '需现场核查' },
    });
    expect(extended.riskHints).toEqual(step2);

    const atDecision = await mutate(...ADVANCE, clerk, {
      key: 'hints-adv-a3',
      input: { caseId: id, result: '审查通过' },
    });
    const step3: Hints = { ...step1, stepNo: 3, stepName: '决定', checkpoints: [], riskPoints: [shown(WHOLE_RISK)] };
    expect(atDecision).toMatchObject({ currentStep: 3, riskHints: step3 });
    const read = await ok<{ case: HintedCase }>(`query($id: ID!) { case(id: $id) { ${CASE} } }`, leader, { id });
    expect(read.case.riskHints).toEqual(step3);

    const done = await mutate('completeCase', '$input: CompleteCaseInput!, $key: String!', leader, {
      key: 'hints-done-a',
      input: { caseId: id, outcome: 'APPROVED', result: '准予' },
    });
    expect(done).toMatchObject({ status: 'COMPLETED', riskHints: null });
  });
});
