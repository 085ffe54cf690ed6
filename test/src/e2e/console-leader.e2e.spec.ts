import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CardScheduler } from '@sunlight/cases';
import { DEFAULT_CONSOLE_DIR } from '@sunlight/gateway';
import { DEMO_PASSWORD } from '@sunlight/powers';
import { createLogger, Role } from '@sunlight/shared';
import type { Page } from 'playwright-core';
import { ADVANCE_CASE, fileCase, publishTestPower } from '../support/case-fixtures';
import { axeViolations, openBrowser, screenshot, watchFailures } from '../support/browser';
import { startStack, type Stack } from '../support/start-stack';

const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const SUITE = 'console-leader';

/** Today in China Standard Time plus `days`, YYYY-MM-DD. */
const cstDate = (days = 0): string =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The leader's console pages in Debian's Chromium against the whole stack: the township leader
 * signs in, is refused a decision on a case it handled (separation of duties, in Chinese), decides
 * another case and grants more time to a late one; answers a notice item an inspector issued, with
 * an evidence file; and reads its figures, which must be the API's. Every result is checked through
 * the API; any console error, failed request or WCAG A/AA violation fails it.
 */
describe('console: the leader pages in a browser', () => {
  let stack: Stack;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let failures: string[];
  let base: string;
  let leader: string;
  let clerk: string;
  const cases: Record<'decide' | 'handled' | 'back' | 'late', { id: string; number: string }> = {} as never;
  let noticeId: string;
  let power: string;
  let consoleDir: string;

  const advance = async (token: string, id: string, key: string): Promise<void> => {
    const r = await stack.gql(ADVANCE_CASE, {
      token,
      variables: { key, input: { caseId: id, result: '材料齐全，同意' } },
    });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  };
  const file = async (key: string): Promise<{ id: string; number: string }> => {
    const r = await fileCase(stack, TOWNSHIP, power, key);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return { id: r.data.fileCase.case.id, number: r.data.fileCase.case.number };
  };

  const caseState = async (id: string) =>
    (
      await stack.gql<{
        case: {
          status: string;
          outcome: string | null;
          currentStep: number;
          steps: { stepNo: number; timeLimitDays: number }[];
          events: { kind: string; payload: string }[];
        };
      }>(
        'query($id: ID!) { case(id: $id) { status outcome currentStep steps { stepNo timeLimitDays } events { kind payload } } }',
        {
          token: leader,
          variables: { id },
        },
      )
    ).data!.case;

  beforeAll(async () => {
    if (!existsSync(`${DEFAULT_CONSOLE_DIR}/index.html`))
      throw new Error(`the console is not built (${DEFAULT_CONSOLE_DIR}): npm run build`);
    // The gateway serves a copy of the build taken now: a rebuild during the run cannot swap the assets under the page.
    consoleDir = mkdtempSync(path.join(os.tmpdir(), 'sunlight-console-'));
    cpSync(DEFAULT_CONSOLE_DIR, consoleDir, { recursive: true });
    stack = await startStack({ consoleDir });
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
    leader = await stack.tokenFor(Role.LEADER, TOWNSHIP);
    clerk = await stack.tokenFor(Role.CLERK, TOWNSHIP);
    power = await publishTestPower(stack, {
      unit: TOWNSHIP,
      code: 'LEADER-1',
      steps: [
        { name: '受理申请', days: 1 },
        { name: '材料审查', days: 3 },
        { name: '领导决定', days: 2 },
      ],
    });
    // At the decision step, handled by the clerk only: the leader may decide it.
    cases.decide = await file('leader-file-decide');
    await advance(clerk, cases.decide.id, 'leader-decide-adv1');
    await advance(clerk, cases.decide.id, 'leader-decide-adv2');
    // At the decision step, but the leader finished its first step: deciding it breaks separation of duties.
    cases.handled = await file('leader-file-handled');
    await advance(leader, cases.handled.id, 'leader-handled-adv1');
    await advance(clerk, cases.handled.id, 'leader-handled-adv2');
    // At the decision step, handled by the clerk only: the leader sends it back instead.
    cases.back = await file('leader-file-back');
    await advance(clerk, cases.back.id, 'leader-back-adv1');
    await advance(clerk, cases.back.id, 'leader-back-adv2');
    // Still at its one-day first step, two working days on: a yellow card, so it waits for more time.
    cases.late = await file('leader-file-late');
    const calendar = stack.cases.config().calendar;
    const later = new Date(`${calendar.addWorkingDays(new Date(), 2)}T12:00:00+08:00`);
    const scheduler = new CardScheduler(
      stack.subgraphs['cases']!.dataSource,
      stack.cases.config(),
      createLogger('test'),
    );
    expect((await scheduler.runOnce(later)).raised).toBeGreaterThanOrEqual(1);

    const inspector = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const issued = await stack.gql<{ issueNotice: { id: string } }>(
      'mutation($i: IssueNoticeInput!) { issueNotice(input: $i, idempotencyKey: "leader-notice-0001") { id } }',
      {
        token: inspector,
        variables: {
          i: {
            unitCode: TOWNSHIP,
            kind: 'SUPERVISION',
            title: '关于便民服务中心办件超时问题的监察建议书',
            body: '经检查，你单位部分办件超过承诺时限，请逐项整改并报告。',
            deadline: cstDate(10),
            items: ['建立办件时限预警台账', '对超时办件责任人进行约谈'],
          },
        },
      },
    );
    if (!issued.data) throw new Error(JSON.stringify(issued.errors));
    noticeId = issued.data.issueNotice.id;

    browser = await openBrowser();
    page = await browser.context.newPage();
    failures = watchFailures(page);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (consoleDir) rmSync(consoleDir, { recursive: true, force: true });
  });
  afterEach(() => {
    const seen = failures.splice(0);
    expect(seen).toEqual([]);
  });

  it('the leader signs in and lands on 待我决定: the cases at their decision step, without axe violations', async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel('账号').fill(`leader.${TOWNSHIP}`);
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${base}/leader/decisions`);
    await page.getByRole('heading', { name: '待我决定' }).waitFor();
    const table = page.locator('.leader-case-table').first();
    await table.getByText(cases.decide.number).waitFor();
    await table.getByText(cases.handled.number).waitFor();
    expect(await table.getByText(cases.late.number).count()).toBe(0);
    expect(await table.locator('tbody tr').first().textContent()).toContain('第3/3步 领导决定');
    expect(await page.title()).toBe('待我决定 - 阳光政务监督平台');
    await screenshot(page, SUITE, '01-decisions');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('deciding a case it handled is refused in Chinese (SEPARATION_OF_DUTIES); the case stays open', async () => {
    await page.getByRole('button', { name: `作出决定：${cases.handled.number}` }).click();
    const dialog = page.locator('.decision-dialog');
    await dialog.getByText('办理记录').waitFor();
    await dialog.locator('.case-trail').getByText('环节办理完毕').first().waitFor();
    await dialog.getByLabel('决定意见').fill('经审查，符合条件，准予。');
    await dialog.getByRole('button', { name: '提交决定' }).click();
    const refusal = dialog.locator('.refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('SEPARATION_OF_DUTIES');
    expect(await refusal.textContent()).toContain('您办理过该办件的前序环节，不能再作出决定');
    await screenshot(page, SUITE, '02-refused');
    expect(await axeViolations(page)).toEqual([]);
    const state = await caseState(cases.handled.id);
    expect(state.status).toBe('IN_PROGRESS');
    expect(state.events.map((e) => e.kind)).toContain('ACTION_REFUSED');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('decides another case 不予 with its reasons; the API shows it completed and REJECTED', async () => {
    await page.getByRole('button', { name: `作出决定：${cases.decide.number}` }).click();
    const dialog = page.locator('.decision-dialog');
    await dialog.getByLabel('决定意见').waitFor();
    // An empty reason is stopped beside its field, before any request.
    await dialog.getByRole('button', { name: '提交决定' }).click();
    await dialog.getByText('请填写决定意见').waitFor();
    await dialog.getByText('不予', { exact: true }).click();
    await dialog.getByLabel('决定意见').fill('申请材料不符合法定条件，不予许可。');
    await dialog.getByRole('button', { name: '提交决定' }).click();
    await page.getByText('已作出不予决定，办件已办结').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const state = await caseState(cases.decide.id);
    expect(state.status).toBe('COMPLETED');
    expect(state.outcome).toBe('REJECTED');
    const completed = state.events.find((e) => e.kind === 'COMPLETED');
    expect(JSON.parse(completed!.payload)).toMatchObject({
      outcome: 'REJECTED',
      result: '申请材料不符合法定条件，不予许可。',
    });
    await page.locator('.leader-case-table').first().getByText(cases.decide.number).waitFor({ state: 'detached' });
  });

  it('sends a case not ready for decision back to an earlier step (退回) with the reason; the API shows it there', async () => {
    await page.getByRole('button', { name: `作出决定：${cases.back.number}` }).click();
    const dialog = page.locator('.decision-dialog');
    await dialog.getByLabel('决定意见').waitFor();
    await dialog.getByText('退回重办', { exact: true }).click();
    await dialog.locator('.return-step .el-select__wrapper').click();
    await page.getByRole('option', { name: '第2步 材料审查' }).click();
    await dialog.getByLabel('退回理由').fill('缺少现场核查记录，请补充后再报');
    await dialog.getByRole('button', { name: '退回', exact: true }).click();
    await page.getByText('办件已退回重办').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const state = await caseState(cases.back.id);
    expect(state).toMatchObject({ status: 'IN_PROGRESS', currentStep: 2 });
    const returned = state.events.find((e) => e.kind === 'RETURNED');
    expect(JSON.parse(returned!.payload)).toMatchObject({ from: 3, to: 2, reason: '缺少现场核查记录，请补充后再报' });
    await page.locator('.leader-case-table').first().getByText(cases.back.number).waitFor({ state: 'detached' });
  });

  it('grants a late case more time (延期) with a reason; the API shows the longer step', async () => {
    await page.getByRole('tab', { name: /延期审批/ }).click();
    const table = page.locator('.leader-case-table').nth(1);
    await table.getByText(cases.late.number).waitFor();
    expect(await table.locator('tbody tr').first().textContent()).toContain('黄牌');
    await screenshot(page, SUITE, '03-extensions');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `批准延期：${cases.late.number}` }).click();
    const dialog = page.locator('.extension-dialog');
    await dialog.getByLabel('延长工作日').fill('5');
    await dialog.getByLabel('延期理由').fill('申请人补正材料需要时间');
    await dialog.getByRole('button', { name: '批准延期' }).click();
    await page.getByText('已批准延期 5 个工作日').waitFor();
    const state = await caseState(cases.late.id);
    expect(state.steps[0]!.timeLimitDays).toBe(6);
    const extended = state.events.find((e) => e.kind === 'EXTENDED');
    expect(JSON.parse(extended!.payload)).toMatchObject({ days: 5, reason: '申请人补正材料需要时间' });
  });

  it('answers a notice item with a report and an evidence file; the API has the answer', async () => {
    await page.goto(`${base}/leader/notices`);
    await page.getByRole('heading', { name: '整改通知' }).waitFor();
    const row = page.locator('.notice-table tbody tr').filter({ hasText: '关于便民服务中心办件超时问题的监察建议书' });
    await row.waitFor();
    expect(await row.textContent()).toContain('监察建议书');
    expect(await row.locator('.notice-clock').textContent()).toBe('剩余 10 天');
    expect(await row.textContent()).toContain('待报告 2 项');
    // The issuer is named (县 of the demo city), never by its bare code.
    const county = await stack.gql<{ unit: { name: string } }>(`{ unit(code: "${COUNTY}") { name } }`);
    await row.getByText(county.data!.unit.name).waitFor();
    await screenshot(page, SUITE, '04-notices');
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole('link').click();
    await page.waitForURL(`${base}/leader/notices/${noticeId}`);
    const item = page.locator('.notice-item[data-item="1"]');
    await item.getByText('建立办件时限预警台账').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const evidence = Buffer.from('预警台账（第一期）');
    await item.getByLabel('整改情况').fill('已建立办件时限预警台账，每周通报一次。');
    await item.getByLabel(/佐证材料/).setInputFiles({ name: '台账.txt', mimeType: 'text/plain', buffer: evidence });
    await item.getByRole('button', { name: '报告第1项整改情况' }).click();
    await item.locator('.notice-item-status').getByText('已报告，待审核').waitFor();
    await item.getByText('已提交佐证材料 1 份').waitFor();
    await screenshot(page, SUITE, '05-notice-answered');
    expect(await axeViolations(page)).toEqual([]);

    const notice = await stack.gql<{
      notice: { items: { itemNo: number; status: string; report: string | null; evidenceHashes: string[] }[] };
    }>('query($id: ID!) { notice(id: $id) { items { itemNo status report evidenceHashes } } }', {
      token: leader,
      variables: { id: noticeId },
    });
    expect(notice.data!.notice.items).toEqual([
      {
        itemNo: 1,
        status: 'ANSWERED',
        report: '已建立办件时限预警台账，每周通报一次。',
        evidenceHashes: [createHash('sha256').update(evidence).digest('hex')],
      },
      { itemNo: 2, status: 'PENDING', report: null, evidenceHashes: [] },
    ]);
  });

  it('辖区概况 shows the figures the API gives, the cards by level and the villages by name', async () => {
    const month = cstDate().slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const from = `${month}-01T00:00:00+08:00`;
    const to = `${next}-01T00:00:00+08:00`;
    const api = await stack.gql<{
      unit: {
        caseStats: { filed: number; open: number; completed: number; overdue: number; onTimeRate: number | null };
        satisfaction: { average: number | null };
        complaintStats: { received: number; noticesOpen: number };
        riskIndex: { score: number | null } | null;
        children: { name: string; caseStats: { filed: number } }[];
        yellow: { edges: unknown[] };
      };
    }>(
      `query($from: DateTimeISO!, $to: DateTimeISO!, $dFrom: String!, $dTo: String!) { unit(code: "${TOWNSHIP}") {
        caseStats(from: $from, to: $to) { filed open completed overdue onTimeRate }
        satisfaction(from: $dFrom, to: $dTo) { average }
        complaintStats(from: $from, to: $to) { received noticesOpen }
        riskIndex { score }
        children { name caseStats(from: $from, to: $to) { filed } }
        yellow: cases(filter: { card: YELLOW, from: $from, to: $to }, first: 100) { edges { cursor } }
      } }`,
      { token: leader, variables: { from, to, dFrom: `${month}-01`, dTo: `${next}-01` } },
    );
    const u = api.data!.unit;
    // What this spec filed this month is there: four cases, one completed, one with a yellow card.
    expect(u.caseStats).toMatchObject({ filed: 4, open: 3, completed: 1, overdue: 1 });
    expect(u.yellow.edges.length).toBe(1);

    await page.goto(`${base}/leader/figures`);
    await page.getByRole('heading', { name: '辖区概况' }).waitFor();
    const figure = (name: string) => page.locator(`[data-figure="${name}"]`);
    await figure('filed').waitFor();
    expect(await figure('filed').textContent()).toBe(String(u.caseStats.filed));
    expect(await figure('open').textContent()).toBe(String(u.caseStats.open));
    expect(await figure('completed').textContent()).toBe(String(u.caseStats.completed));
    expect(await figure('overdue').textContent()).toBe(String(u.caseStats.overdue));
    const rate = u.caseStats.onTimeRate;
    expect(await figure('onTimeRate').textContent()).toBe(rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
    const avg = u.satisfaction.average;
    expect(await figure('satisfaction').textContent()).toBe(avg === null ? '—' : avg.toFixed(2));
    expect(await figure('complaints').textContent()).toBe(String(u.complaintStats.received));
    expect(await figure('noticesOpen').textContent()).toBe(String(u.complaintStats.noticesOpen));
    const score = u.riskIndex?.score ?? null;
    expect(await figure('riskScore').textContent()).toBe(score === null ? '—' : score.toFixed(1));
    expect(await page.locator('[data-card="YELLOW"] strong').textContent()).toBe(String(u.yellow.edges.length));
    expect(await page.locator('[data-card="RED"] strong').textContent()).toBe('0');

    expect(u.children.length).toBeGreaterThan(0);
    const names = await page.locator('.children-table tbody tr td:first-child').allTextContents();
    expect(names.map((n) => n.trim())).toEqual(u.children.map((c) => c.name));
    expect(await page.locator('.leader-chart svg').count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, SUITE, '06-figures');
    expect(await axeViolations(page)).toEqual([]);
  });
});
