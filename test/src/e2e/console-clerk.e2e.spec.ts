import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { CardScheduler } from '@sunlight/cases';
import { DEFAULT_CONSOLE_DIR } from '@sunlight/gateway';
import { DEMO_PASSWORD } from '@sunlight/powers';
import { createLogger, Role } from '@sunlight/shared';
import type { Page } from 'playwright-core';
import { fileCase, publishTestPower } from '../support/case-fixtures';
import { axeViolations, openBrowser, screenshot, watchFailures } from '../support/browser';
import { startStack, type Stack } from '../support/start-stack';

const TOWNSHIP = '139901001000';
const SUITE = 'console-clerk';
const ATTACHMENT_BASIS = '《测试条例》第五条';
const AMOUNT_BASIS = '《财政资金管理办法》第十条';

interface TracedCase {
  number: string;
  status: string;
  currentStep: number;
  events: { kind: string; payload: string; attachmentHashes: string[] }[];
}

/**
 * The clerk's console in Debian's Chromium against the whole stack. The window clerk of a township
 * (`clerk.<unit>`, of the service window that handles the test powers) signs in, sees the unit's
 * cases with their clocks and a yellow card, files a case through the form built from a power with
 * two checkpoints on its first step (required materials, an amount limit), meets the checkpoint
 * refusal on advancing (each rule with its legal basis, the form kept), uploads the missing
 * material, corrects the amount and advances; the case is then read back through the API.
 */
describe('console: the clerk files and handles a case in a browser', () => {
  let stack: Stack;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let failures: string[];
  let base: string;
  let clerkToken: string;
  let cardCase: { id: string; number: string };
  let filedNumber: string;
  let filedId: string;

  const readCase = async (id: string): Promise<TracedCase> => {
    const answer = await stack.gql<{ case: TracedCase }>(
      'query($id: ID!) { case(id: $id) { number status currentStep events { kind payload attachmentHashes } } }',
      { token: clerkToken, variables: { id } },
    );
    if (!answer.data) throw new Error(JSON.stringify(answer.errors));
    return answer.data.case;
  };

  beforeAll(async () => {
    if (!existsSync(`${DEFAULT_CONSOLE_DIR}/index.html`))
      throw new Error(`the console is not built (${DEFAULT_CONSOLE_DIR}): npm run build`);
    stack = await startStack();
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
    clerkToken = await stack.tokenFor(Role.CLERK, TOWNSHIP);
    await publishTestPower(stack, {
      unit: TOWNSHIP,
      code: 'CLERK-1',
      steps: [
        { name: '受理审核', days: 1 },
        { name: '实地核查', days: 3 },
        { name: '作出决定', days: 2 },
      ],
      checkpoints: [
        {
          stepNo: 1,
          kind: 'REQUIRED_ATTACHMENTS',
          params: { attachments: ['申请书', '身份证明'] },
          legalBasis: ATTACHMENT_BASIS,
          description: '申请材料齐全方可受理',
        },
        {
          stepNo: 1,
          kind: 'AMOUNT_LIMIT',
          params: { field: 'amount', max: 50000 },
          legalBasis: AMOUNT_BASIS,
          description: '补助金额不得超过上限',
        },
      ],
    });
    // A case already late on its first step (5 working days), so the list has a yellow card.
    const late = await publishTestPower(stack, {
      unit: TOWNSHIP,
      code: 'CLERK-LATE',
      steps: [
        { name: '受理', days: 5 },
        { name: '决定', days: 5 },
      ],
    });
    const filed = await fileCase(stack, TOWNSHIP, late, 'clerk-late-file-1');
    if (!filed.data) throw new Error(JSON.stringify(filed.errors));
    cardCase = filed.data.fileCase.case;
    const calendar = stack.cases.config().calendar;
    const sixDaysLater = new Date(`${calendar.addWorkingDays(new Date(), 6)}T12:00:00+08:00`);
    await new CardScheduler(stack.subgraphs['cases']!.dataSource, stack.cases.config(), createLogger('test')).runOnce(
      sixDaysLater,
    );
    browser = await openBrowser();
    page = await browser.context.newPage();
    failures = watchFailures(page);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  afterEach(() => {
    const seen = failures.splice(0);
    expect(seen).toEqual([]);
  });

  it('signs in through /login and lands on 在办件: clocks, names and a yellow card', async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel('账号').fill(`clerk.${TOWNSHIP}`);
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${base}/clerk/cases`);
    await page.getByRole('heading', { name: '在办件' }).waitFor();
    const row = page.locator('.clerk-cases-table tr', { hasText: cardCase.number });
    await row.waitFor();

    const api = await stack.gql<{ case: { cardLevel: string; power: { name: string } } }>(
      `{ case(id: "${cardCase.id}") { cardLevel power { name } } }`,
      { token: clerkToken },
    );
    expect(api.data!.case.cardLevel).toBe('YELLOW');
    expect(await row.locator('.card-tag').getAttribute('data-level')).toBe('YELLOW');
    expect(await row.locator('.card-tag').textContent()).toBe('黄牌');
    const text = squash((await row.textContent()) ?? '');
    expect(text).toContain(squash(api.data!.case.power.name));
    expect(text).toContain(squash('受理（时限 5 个工作日）'));
    expect(text).toContain(squash('已用 0 个工作日'));
    expect(text).toContain(squash('剩余 10 个工作日'));
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/); // no raw ids
    await screenshot(page, SUITE, '01-cases');
    expect(await axeViolations(page)).toEqual([]);

    // Filtering by status: none completed yet, then the received ones again.
    await page.locator('.el-select', { has: page.getByRole('combobox', { name: '办件状态' }) }).click();
    await page.getByRole('option', { name: '已办结' }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('没有符合条件的办件').waitFor();
    await page.locator('.el-select', { has: page.getByRole('combobox', { name: '办件状态' }) }).click();
    await page.getByRole('option', { name: '已受理' }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await row.waitFor();
  });

  it('files a case with the form built from the power: materials by name, the amount, a receipt', async () => {
    await page.getByRole('link', { name: '受理登记' }).first().click();
    await page.waitForURL(`${base}/clerk/cases/new`);
    await page.getByRole('heading', { name: '受理登记' }).waitFor();
    await page.getByRole('combobox', { name: '权力事项' }).click();
    await page.getByRole('option', { name: /测试事项CLERK-1/ }).click();
    await page.getByText('事项要求').waitFor();
    // The required materials by name, and the amount the limit checks.
    await page.getByLabel('上传：申请书').waitFor({ state: 'attached' });
    await page.getByLabel('上传：身份证明').waitFor({ state: 'attached' });
    await page.getByText(`金额不得超过 50,000 元（依据：${AMOUNT_BASIS}）`).waitFor();
    await page.getByLabel('姓名或名称').fill('李四');
    await page.getByLabel('证件号码').fill('139901199001051234');
    await page.getByLabel('联系电话').fill('12345');
    await page.getByLabel('申请事项').fill('申请困难群众临时救助');
    await page.getByLabel('申请或核定金额（元）').fill('80000');
    await page.getByLabel('上传：身份证明').setInputFiles({
      name: 'id-card.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('身份证明复印件'),
    });
    await page.locator('.attachment-chosen', { hasText: '身份证明：id-card.txt' }).waitFor();
    await screenshot(page, SUITE, '02-file-form');
    expect(await axeViolations(page)).toEqual([]);

    // The API's refusal of the phone number shows beside its field; the rest of the form stays.
    await page.getByRole('button', { name: '受理并生成回执' }).click();
    const phoneError = page
      .locator('.el-form-item', { has: page.getByLabel('联系电话') })
      .locator('.el-form-item__error');
    await phoneError.waitFor();
    expect(await phoneError.textContent()).toContain('11 位手机号码');
    expect(await page.getByLabel('姓名或名称').inputValue()).toBe('李四');
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByRole('button', { name: '受理并生成回执' }).click();
    await page.getByRole('heading', { name: '受理成功，请将回执交申请人' }).waitFor();
    filedNumber = (await page.locator('.receipt-number').textContent())!.trim();
    const queryCode = (await page.locator('.receipt-code').textContent())!.trim();
    expect(filedNumber).toMatch(new RegExp(`^${TOWNSHIP}-\\d{4}-\\d{6}$`));
    expect(queryCode).toMatch(/^[A-Z2-9]{8}$/);
    await screenshot(page, SUITE, '03-receipt');
    expect(await axeViolations(page)).toEqual([]);

    // The public lookup knows the case by that number and query code.
    const progress = await stack.gql<{ caseProgress: { status: string; powerName: string } }>(
      'query($n: String!, $q: String!) { caseProgress(number: $n, queryCode: $q) { status powerName } }',
      { variables: { n: filedNumber, q: queryCode } },
    );
    expect(progress.data!.caseProgress).toEqual({ status: 'RECEIVED', powerName: '测试事项CLERK-1' });
  });

  it('meets the checkpoint refusal on advancing, with each rule and its basis, and keeps the form', async () => {
    await page.getByRole('link', { name: '查看办件' }).click();
    await page.getByRole('heading', { name: `办件 ${filedNumber}` }).waitFor();
    filedId = page.url().split('/').pop()!;
    const before = await readCase(filedId);
    expect(before.events.map((e) => e.kind)).toEqual(['FILED']);
    expect(before.events[0]!.attachmentHashes).toEqual([sha256('身份证明复印件')]);
    await page.getByText('本环节（受理审核）办结时将核验').waitFor();
    await screenshot(page, SUITE, '04-case');
    expect(await axeViolations(page)).toEqual([]);

    const opinion = '材料已核，同意进入实地核查';
    await page.getByLabel('办理意见').fill(opinion);
    await page.getByLabel('申请或核定金额（元）').fill('80000');
    await page.getByRole('button', { name: '办结本环节并进入下一环节' }).click();
    const refusal = page.locator('.checkpoint-refusal');
    await refusal.waitFor();
    const rules = refusal.locator('.checkpoint-violation');
    expect(await rules.count()).toBe(2);
    const attachmentRule = rules.filter({ hasText: '必备材料' });
    expect(await attachmentRule.textContent()).toContain('申请书');
    expect(await attachmentRule.textContent()).not.toContain('身份证明'); // given at filing
    expect(await attachmentRule.locator('.checkpoint-basis').textContent()).toBe(`依据：${ATTACHMENT_BASIS}`);
    const amountRule = rules.filter({ hasText: '金额上限' });
    expect(await amountRule.textContent()).toContain('80000');
    expect(await amountRule.locator('.checkpoint-basis').textContent()).toBe(`依据：${AMOUNT_BASIS}`);
    // The form is kept for the fix, and the trace shows the blocked attempt.
    expect(await page.getByLabel('办理意见').inputValue()).toBe(opinion);
    await page.locator('.case-trace [data-kind="CHECKPOINT_BLOCKED"]').waitFor();
    await screenshot(page, SUITE, '05-refused');
    expect(await axeViolations(page)).toEqual([]);

    const refused = await readCase(filedId);
    expect(refused).toMatchObject({ status: 'RECEIVED', currentStep: 1 });
    expect(refused.events.map((e) => e.kind)).toEqual(['FILED', 'CHECKPOINT_BLOCKED']);
  });

  it('uploads the missing material, corrects the amount and advances; the API shows the new step', async () => {
    await page.getByLabel('上传：申请书').setInputFiles({
      name: 'application.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('临时救助申请书'),
    });
    await page.locator('.attachment-chosen', { hasText: '申请书：application.txt' }).waitFor();
    await page.getByLabel('申请或核定金额（元）').fill('30000');
    await page.getByRole('button', { name: '办结本环节并进入下一环节' }).click();
    await page.locator('.case-notice', { hasText: '已进入第 2 环节：实地核查' }).waitFor();
    expect(await page.locator('.checkpoint-refusal').count()).toBe(0);
    await screenshot(page, SUITE, '06-advanced');
    expect(await axeViolations(page)).toEqual([]);

    const after = await readCase(filedId);
    expect(after).toMatchObject({ number: filedNumber, status: 'IN_PROGRESS', currentStep: 2 });
    expect(after.events.map((e) => e.kind)).toEqual(['FILED', 'CHECKPOINT_BLOCKED', 'STEP_ADVANCED']);
    const advanced = after.events[2]!;
    expect(advanced.attachmentHashes).toEqual([sha256('临时救助申请书')]);
    expect(JSON.parse(advanced.payload)).toMatchObject({ from: 1, to: 2, result: '材料已核，同意进入实地核查' });
  });

  it('suspends and resumes the case from its page', async () => {
    await page.getByRole('tab', { name: '中止' }).click();
    await page.getByLabel('说明').fill('申请人需补充收入证明');
    await page.getByRole('button', { name: '中止办理' }).click();
    await page.locator('.case-notice', { hasText: '办件已中止，计时已停止' }).waitFor();
    expect((await readCase(filedId)).status).toBe('SUSPENDED');
    await page.getByRole('button', { name: '恢复办理' }).click();
    await page.locator('.case-notice', { hasText: '已恢复办理' }).waitFor();
    const resumed = await readCase(filedId);
    expect(resumed).toMatchObject({ status: 'IN_PROGRESS', currentStep: 2 });
    expect(resumed.events.map((e) => e.kind).slice(-2)).toEqual(['SUSPENDED', 'RESUMED']);
    await screenshot(page, SUITE, '07-resumed');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('returns the case to an earlier step with the reason', async () => {
    await page.getByRole('tab', { name: '退回' }).click();
    await page.getByLabel('退回理由').fill('身份证明不清晰，退回重新核验');
    await page.getByRole('button', { name: '退回', exact: true }).click();
    await page.locator('.case-notice', { hasText: '已退回第 1 环节' }).waitFor();
    const returned = await readCase(filedId);
    expect(returned).toMatchObject({ status: 'IN_PROGRESS', currentStep: 1 });
    expect(JSON.parse(returned.events.at(-1)!.payload)).toMatchObject({
      from: 2,
      to: 1,
      reason: '身份证明不清晰，退回重新核验',
    });
    await page.locator('.case-trace [data-kind="RETURNED"]').waitFor();
    await screenshot(page, SUITE, '08-returned');
    expect(await axeViolations(page)).toEqual([]);
  });
});

/** Text without whitespace (a table cell's text carries the template's line breaks). */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function sha256(text: string): string {
  return createHash('sha256').update(Buffer.from(text)).digest('hex');
}
