import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONSOLE_DIR } from '@sunlight/gateway';
import { DEMO_PASSWORD } from '@sunlight/powers';
import { Role } from '@sunlight/shared';
import type { Page } from 'playwright-core';
import { ADVANCE_CASE, fileCase, publishTestPower } from '../support/case-fixtures';
import { axeViolations, openBrowser, screenshot, watchFailures } from '../support/browser';
import { startStack, type Stack } from '../support/start-stack';

const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const INSPECTOR = `inspector.${COUNTY}`;
const SUITE = 'console-inspector';
const REPORTER = { name: '钱实名', phone: '13900002222' };

/**
 * The inspector's console in Debian's Chromium against the whole stack with the alerts service
 * consuming: a checkpoint refusal raised by a clerk through the API appears in the live alert feed
 * without a reload and is acknowledged and disposed of in the page; a named complaint is accepted
 * and its complainant revealed only with a reason, the reveal then shown in the trace; notices
 * item by item; a review campaign. Each check of state goes through the API.
 */
describe('console: the inspector pages in a browser', () => {
  let stack: Stack;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let failures: string[];
  let base: string;
  let inspector: string;
  let powerId: string;
  let complaintNumber: string;
  let consoleDir: string | undefined;
  /** Alert-list queries the page sent (the live part must not poll). */
  const alertQueries: string[] = [];

  /** Opens a page from the 监察 menu (a submenu that opens on hover). */
  const openMenu = async (item: string): Promise<void> => {
    await page.locator('.el-sub-menu__title', { hasText: '监察' }).hover();
    await page.getByRole('menuitem', { name: item, exact: true }).click();
    await page.getByRole('heading', { name: item }).hover(); // away from the menu, so its popup closes
    await page.locator('.el-menu--popup', { hasText: '投诉处理' }).waitFor({ state: 'hidden' });
  };

  beforeAll(async () => {
    if (!existsSync(`${DEFAULT_CONSOLE_DIR}/index.html`))
      throw new Error(`the console is not built (${DEFAULT_CONSOLE_DIR}): npm run build`);
    // the gateway serves a copy of the build taken now: a rebuild during the run cannot swap the assets under the page
    consoleDir = mkdtempSync(path.join(os.tmpdir(), 'sunlight-console-'));
    cpSync(DEFAULT_CONSOLE_DIR, consoleDir, { recursive: true });
    stack = await startStack({ alerts: true, consoleDir });
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
    inspector = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    powerId = await publishTestPower(stack, {
      unit: TOWNSHIP,
      code: 'INSPECT-1',
      steps: [
        { name: '受理申请', days: 1 },
        { name: '作出决定', days: 2 },
      ],
      checkpoints: [
        {
          stepNo: 1,
          kind: 'REQUIRED_ATTACHMENTS',
          params: { attachments: ['营业执照复印件'] },
          legalBasis: '《测试条例》第五条',
        },
      ],
    });
    const filed = await stack.gql<{ fileComplaint: { number: string } }>(
      'mutation($i: FileComplaintInput!, $k: String!) { fileComplaint(input: $i, idempotencyKey: $k) { number } }',
      {
        variables: {
          k: 'console-inspector-complaint-1',
          i: {
            channel: 'HOTLINE',
            category: 'ASKING_FAVOURS',
            accused: { kind: 'LEADERSHIP', unitCode: TOWNSHIP },
            description: '镇领导班子在项目审批中要求请客送礼，拖延办理。',
            complainant: REPORTER,
          },
        },
      },
    );
    if (!filed.data) throw new Error(`fileComplaint failed: ${JSON.stringify(filed.errors)}`);
    complaintNumber = filed.data.fileComplaint.number;
    browser = await openBrowser();
    page = await browser.context.newPage();
    failures = watchFailures(page);
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/graphql') && r.postData()?.includes('InspectorAlerts'))
        alertQueries.push(r.url());
    });
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

  it('signs in at /login and lands on the live alert feed, connected, without WCAG A/AA violations', async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel('账号').fill(INSPECTOR);
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${base}/inspector/alerts`);
    await page.getByRole('heading', { name: '实时预警' }).waitFor();
    await page.locator('.live-state[data-state="connected"]').waitFor();
    await page.locator('.el-sub-menu__title', { hasText: '监察' }).hover();
    for (const item of ['实时预警', '投诉处理', '监察通知', '评议活动'])
      await page.getByRole('menuitem', { name: item, exact: true }).waitFor();
    await page.getByRole('heading', { name: '实时预警' }).hover();
    await page.locator('.el-menu--popup', { hasText: '投诉处理' }).waitFor({ state: 'hidden' });
    await page.locator('.alerts-table, .el-empty').first().waitFor();
    expect(await page.title()).toBe('实时预警 - 阳光政务监督平台');
    await screenshot(page, SUITE, '01-alerts');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a checkpoint refusal live, without a reload or polling; acknowledged and disposed of in the page', async () => {
    const filed = await fileCase(stack, TOWNSHIP, powerId, 'console-inspector-case-1');
    const { id: caseId, number } = filed.data!.fileCase.case;
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const listed = alertQueries.length;

    const refused = await stack.gql(ADVANCE_CASE, {
      token: await stack.tokenFor(Role.CLERK, TOWNSHIP),
      variables: { key: 'console-inspector-adv-1', input: { caseId, result: '材料齐全，予以受理' } },
    });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('CHECKPOINT_VIOLATED');

    const row = page.locator('.alerts-table tbody tr').filter({ hasText: number });
    await row.waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(alertQueries.length).toBe(listed);
    expect(await row.getByText('新', { exact: true }).count()).toBe(1);
    expect(await row.textContent()).toContain('电子关卡拦截');
    expect(await row.textContent()).toContain('测试事项INSPECT-1');
    expect(await row.textContent()).toContain('营业执照复印件');
    const [unit] = await stack
      .gql<{ unit: { name: string } }>(`{ unit(code: "${TOWNSHIP}") { name } }`, {
        token: inspector,
      })
      .then((r) => [r.data!.unit.name]);
    expect(await row.textContent()).toContain(unit);
    const level = await row.locator('.alert-level').getAttribute('data-level');
    expect(level).toMatch(/^(RED|YELLOW|REMINDER)$/);
    expect(await page.getByRole('status').filter({ hasText: '收到新预警' }).count()).toBe(1);
    await screenshot(page, SUITE, '02-alert-live');

    await row.getByRole('button', { name: '确认' }).click();
    await row.locator('.alert-status[data-status="ACKNOWLEDGED"]').waitFor();
    await row.getByRole('button', { name: '处置' }).click();
    const dialog = page.getByRole('dialog', { name: '处置预警' });
    await dialog.getByRole('button', { name: '确认处置' }).click();
    await dialog.getByText('请填写处置意见').waitFor();
    await dialog.getByText('已发建议书').click();
    await dialog.getByLabel('处置意见').fill('已核实缺少营业执照复印件，向镇政府发检查建议书');
    await screenshot(page, SUITE, '03-alert-dispose');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '确认处置' }).click();
    await row.locator('.alert-status[data-status="DISPOSED"]').waitFor();
    expect(await row.textContent()).toContain('已发建议书：已核实缺少营业执照复印件');

    const api = await stack.gql<{
      alerts: {
        edges: {
          node: {
            status: string;
            level: string;
            case: { number: string };
            disposal: { kind: string; note: string; by: string };
          };
        }[];
      };
    }>(
      '{ alerts(first: 20, filter: { kinds: [CHECKPOINT_BLOCKED] }) { edges { node { status level case { number } disposal { kind note by } } } } }',
      { token: inspector },
    );
    expect(api.errors).toBeUndefined();
    const mine = api.data!.alerts.edges.map((e) => e.node).filter((n) => n.case.number === number);
    expect(mine).toEqual([
      {
        status: 'DISPOSED',
        level,
        case: { number },
        disposal: { kind: 'NOTICE_ISSUED', note: '已核实缺少营业执照复印件，向镇政府发检查建议书', by: INSPECTOR },
      },
    ]);
    await screenshot(page, SUITE, '04-alert-disposed');
  });

  it('accepts a named complaint and reveals its complainant only with a reason, the reveal recorded in its trace', async () => {
    await openMenu('投诉处理');
    await page.getByRole('heading', { name: '投诉处理' }).waitFor();
    const row = page.locator('.complaints-table tbody tr').filter({ hasText: complaintNumber });
    await row.waitFor();
    expect(await row.textContent()).toContain('吃拿卡要');
    expect(await row.textContent()).toContain('领导班子');
    expect(await row.textContent()).toContain('实名');
    expect(await row.textContent()).toMatch(/受理期限 \d{4}-\d{2}-\d{2}/);
    expect(await page.locator('body').textContent()).not.toContain(REPORTER.name);
    await screenshot(page, SUITE, '05-complaints');
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole('button', { name: complaintNumber }).click();
    const detail = page.locator('.complaint-detail');
    await detail.waitFor();
    await detail.getByText('实名投诉，身份已隐藏').waitFor();
    expect(await detail.getByRole('button', { name: '查看投诉人身份' }).count()).toBe(0); // not the handler yet
    await detail.getByRole('button', { name: '受理' }).click();
    const accept = page.getByRole('dialog', { name: '受理投诉' });
    await accept.getByLabel('受理意见').fill('属本级管辖，予以受理');
    await accept.getByRole('button', { name: '受理' }).click();
    await detail.locator('[data-kind="ACCEPT"]').waitFor();
    expect(await detail.textContent()).toContain(`承办人${INSPECTOR}`);

    await detail.getByRole('button', { name: '查看投诉人身份' }).click();
    const reveal = page.getByRole('dialog', { name: '查看投诉人身份' });
    await reveal.getByText('查看将连同理由记入该投诉的办理记录').waitFor();
    await reveal.getByRole('button', { name: '确认查看' }).click();
    await reveal.getByText('请说明查看理由').waitFor();
    expect(await page.locator('body').textContent()).not.toContain(REPORTER.name);
    await screenshot(page, SUITE, '06-reveal-reason');
    expect(await axeViolations(page)).toEqual([]);
    await reveal.getByLabel('查看理由').fill('需向投诉人核实请客送礼的具体时间和地点');
    await reveal.getByRole('button', { name: '确认查看' }).click();
    await detail.locator('.complainant-identity').getByText(`姓名：${REPORTER.name}`).waitFor();
    expect(await detail.locator('.complainant-identity').textContent()).toContain(REPORTER.phone);
    await detail.getByText('本次查看已记入办理记录').waitFor();
    const recorded = detail.locator('[data-kind="REVEAL_IDENTITY"]');
    await recorded.waitFor();
    expect(await recorded.textContent()).toContain(`查看投诉人身份（已记录）（${INSPECTOR}）`);
    await screenshot(page, SUITE, '07-revealed');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    const api = await stack.gql<{
      complaints: {
        edges: {
          node: { number: string; status: string; handler: string; events: { kind: string; actor: string }[] };
        }[];
      };
    }>('{ complaints(first: 20) { edges { node { number status handler events { kind actor } } } } }', {
      token: inspector,
    });
    const complaint = api.data!.complaints.edges.map((e) => e.node).find((n) => n.number === complaintNumber)!;
    expect(complaint).toMatchObject({ status: 'ACCEPTED', handler: INSPECTOR });
    expect(complaint.events.map((e) => [e.kind, e.actor]).slice(1)).toEqual([
      ['ACCEPT', INSPECTOR],
      ['REVEAL_IDENTITY', INSPECTOR],
    ]);
  });

  it('lists the notices issued with their items; an answered item is accepted in the page', async () => {
    const issued = await stack.gql<{ issueNotice: { id: string; number: string } }>(
      'mutation($i: IssueNoticeInput!) { issueNotice(input: $i, idempotencyKey: "console-inspector-notice-1") { id number } }',
      {
        token: inspector,
        variables: {
          i: {
            unitCode: TOWNSHIP,
            kind: 'INSPECTION',
            title: '关于审批材料把关不严的检查建议书',
            body: '经核查，你镇在受理环节未核验营业执照复印件。',
            deadline: '2099-12-31',
            items: ['建立受理材料核验台账', '对经办人员开展培训'],
          },
        },
      },
    );
    expect(issued.errors).toBeUndefined();
    const { id, number } = issued.data!.issueNotice;
    const answered = await stack.gql(
      'mutation($n: ID!) { answerNoticeItem(noticeId: $n, itemNo: 1, report: "已建立台账并每周通报", idempotencyKey: "console-inspector-ans-1") { id } }',
      { token: await stack.tokenFor(Role.LEADER, TOWNSHIP), variables: { n: id } },
    );
    expect(answered.errors).toBeUndefined();

    await openMenu('监察通知');
    await page.getByRole('heading', { name: '监察通知' }).waitFor();
    const row = page.locator('.notices-table tbody tr').filter({ hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toContain('关于审批材料把关不严的检查建议书（检查建议书）');
    expect(await row.textContent()).toContain('0 / 2 项已通过');
    await row.locator('.el-table__expand-icon').click();
    const items = page.locator('.notice-item');
    await items.first().waitFor();
    expect(await items.nth(0).getAttribute('data-status')).toBe('ANSWERED');
    expect(await items.nth(0).textContent()).toContain('整改报告：已建立台账并每周通报');
    expect(await items.nth(1).getAttribute('data-status')).toBe('PENDING');
    await screenshot(page, SUITE, '08-notices');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('第 1 项审核意见').fill('台账已建立，予以通过');
    await items.nth(0).getByRole('button', { name: '通过' }).click();
    await page.locator('.notice-item[data-status="ACCEPTED"]').waitFor();
    expect(await row.textContent()).toContain('1 / 2 项已通过');

    const api = await stack.gql<{ notice: { items: { status: string; reviewComment: string | null }[] } }>(
      `{ notice(id: "${id}") { items { status reviewComment } } }`,
      { token: inspector },
    );
    expect(api.data!.notice.items).toEqual([
      { status: 'ACCEPTED', reviewComment: '台账已建立，予以通过' },
      { status: 'PENDING', reviewComment: null },
    ]);
  });

  it('opens a review campaign by its id with its targets by name', async () => {
    const opened = await stack.gql<{ openCampaign: { id: string } }>(
      'mutation($i: OpenCampaignInput!) { openCampaign(input: $i, idempotencyKey: "console-inspector-camp-1") { id } }',
      {
        token: inspector,
        variables: {
          i: {
            name: '乡镇领导班子作风评议',
            targetKind: 'LEADERSHIP',
            targets: [{ unitCode: TOWNSHIP }],
            reviewerKinds: ['PUBLIC'],
            expectedReviewers: 10,
            closesAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
      },
    );
    expect(opened.errors).toBeUndefined();
    await openMenu('评议活动');
    await page.getByRole('heading', { name: '评议活动' }).waitFor();
    await page.getByLabel('活动编号').fill(opened.data!.openCampaign.id);
    await page.getByRole('button', { name: '打开' }).click();
    const detail = page.locator('.campaign-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('乡镇领导班子作风评议');
    expect(await detail.textContent()).toContain('进行中');
    const { name } = (
      await stack.gql<{ unit: { name: string } }>(`{ unit(code: "${TOWNSHIP}") { name } }`, { token: inspector })
    ).data!.unit;
    expect(await detail.locator('.campaign-targets').textContent()).toContain(name);
    await screenshot(page, SUITE, '09-campaign');
    expect(await axeViolations(page)).toEqual([]);
  });
});
