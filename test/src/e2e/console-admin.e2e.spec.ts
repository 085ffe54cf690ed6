import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONSOLE_DIR } from '@sunlight/gateway';
import { DEMO_PASSWORD } from '@sunlight/powers';
import { Role } from '@sunlight/shared';
import type { Locator, Page } from 'playwright-core';
import { authPost } from '../support/auth-http';
import { publishTestPower } from '../support/case-fixtures';
import { axeViolations, openBrowser, screenshot, watchFailures } from '../support/browser';
import { startStack, type Stack } from '../support/start-stack';

const TOWNSHIP = '139901001000';
const SUITE = 'console-admin';

interface PowerState {
  version: number;
  state: string;
  status: string;
  publishedVersion: number | null;
  latestVersion: number;
  promisedDays: number;
  riskPoints: { level: number; colour: string; stepNo: number | null; description: string; measures: string[] }[];
}

interface Account {
  subject: string;
  name: string;
  role: string;
  departmentId: string | null;
  postId: string | null;
  status: string;
}

/**
 * The admin's console in Debian's Chromium against the whole stack: the township's ADMIN signs in,
 * starts a new version of a published power, is told beside the field when a limit is wrong,
 * changes the promised limit, adds an orange risk point and publishes, and the signed-out public
 * page shows the new version; then creates an account with a department and post chosen by name
 * (a bad login name is told beside its field), disables and enables it, and the new account signs
 * in and must set its own password first. Any console error, failed request or WCAG A/AA
 * violation fails it; screenshots go to test/artifacts/console-admin/.
 */
describe('console: the admin pages in a browser', () => {
  let stack: Stack;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let visitor: Awaited<ReturnType<typeof openBrowser>> | undefined;
  let page: Page;
  let failures: string[];
  let base: string;
  let adminToken: string;
  let powerId: string;
  let created: { subject: string; password: string; departmentId: string; postId: string };
  let consoleDir: string | undefined;

  const formItem = (scope: Page | Locator, label: string): Locator =>
    scope.locator('.el-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });
  const pick = async (scope: Page | Locator, label: string, option: string): Promise<void> => {
    await scope.locator('.el-select', { has: page.getByRole('combobox', { name: label }) }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  const powerState = async (): Promise<PowerState> => {
    const answer = await stack.gql<{ power: PowerState }>(
      `query($id: ID!) { power(id: $id) { version state status publishedVersion latestVersion promisedDays
         riskPoints { level colour stepNo description measures } } }`,
      { token: adminToken, variables: { id: powerId } },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.power;
  };
  const accountOf = async (subject: string): Promise<Account | undefined> => {
    const answer = await stack.gql<{ accounts: { edges: { node: Account }[] } }>(
      `query($unit: String!) { accounts(unit: $unit, first: 100, after: null) { edges { node { subject name role departmentId postId status } } } }`,
      { token: adminToken, variables: { unit: TOWNSHIP } },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.accounts.edges.map((e) => e.node).find((a) => a.subject === subject);
  };
  const signIn = async (p: Page, subject: string, password: string): Promise<void> => {
    await p.getByLabel('账号').fill(subject);
    await p.getByLabel('密码', { exact: true }).fill(password);
    await p.getByRole('button', { name: '登录' }).click();
  };

  beforeAll(async () => {
    // E2E_CONSOLE_DIR: a console build of one's own to serve instead (others may rebuild the shared one meanwhile).
    const built = process.env['E2E_CONSOLE_DIR'] ?? DEFAULT_CONSOLE_DIR;
    if (!existsSync(`${built}/index.html`)) throw new Error(`the console is not built (${built}): npm run build`);
    // The gateway serves a copy of the build taken now: a rebuild during the run cannot swap the assets under the page.
    consoleDir = mkdtempSync(path.join(os.tmpdir(), 'sunlight-console-'));
    cpSync(built, consoleDir, { recursive: true });
    stack = await startStack({ consoleDir });
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
    adminToken = await stack.tokenFor(Role.ADMIN, TOWNSHIP);
    powerId = await publishTestPower(stack, {
      unit: TOWNSHIP,
      code: 'ADMIN-UI-1',
      statutoryDays: 20,
      promisedDays: 10,
      steps: [
        { name: '受理申请', days: 1 },
        { name: '材料审查', days: 3 },
        { name: '作出决定', days: 2 },
      ],
      riskPoints: [{ stepNo: 2, level: 1, description: '审查中擅自降低标准', measures: ['双人审查'] }],
    });
    browser = await openBrowser();
    page = await browser.context.newPage();
    failures = watchFailures(page);
  });
  afterAll(async () => {
    await visitor?.close();
    await browser?.close();
    await stack?.stop();
    if (consoleDir) rmSync(consoleDir, { recursive: true, force: true });
  });
  afterEach(() => {
    const seen = failures.splice(0);
    expect(seen).toEqual([]);
  });

  it('the admin signs in at /login and lands on 事项管理: the subtree’s powers with their status and version', async () => {
    await page.goto(`${base}/login`);
    await signIn(page, `admin.${TOWNSHIP}`, DEMO_PASSWORD);
    await page.waitForURL(`${base}/admin/powers`);
    await page.getByRole('heading', { name: '事项管理' }).waitFor();
    await page.locator('.admin-powers-table').waitFor();
    await page.getByLabel('关键词').fill('ADMIN-UI-1');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 1 项').waitFor();
    const row = page.locator('.admin-powers-table tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('已公布');
    expect(await row.textContent()).toContain('现行第 1 版');
    await screenshot(page, SUITE, '01-powers');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens the power; a published version is read-only until a new draft version is started from it', async () => {
    await page.getByRole('link', { name: '测试事项ADMIN-UI-1' }).click();
    await page.getByRole('heading', { name: '测试事项ADMIN-UI-1' }).waitFor();
    expect(page.url()).toBe(`${base}/admin/powers/${powerId}`);
    expect(await page.getByRole('button', { name: '保存基本信息' }).count()).toBe(0);
    await screenshot(page, SUITE, '02-power-published');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '基于现行版本新建修订版' }).click();
    await page.getByText('已新建第 2 版草稿').waitFor();
    const state = await powerState();
    expect([state.latestVersion, state.state, state.publishedVersion]).toEqual([2, 'DRAFT', 1]);
    await page.getByRole('button', { name: '保存基本信息' }).waitFor();
  });

  it('a promised limit beyond the statutory one is refused, and the API’s message shows beside 承诺时限', async () => {
    await page.getByLabel('承诺时限').fill('30');
    await page.getByRole('button', { name: '保存基本信息' }).click();
    const error = formItem(page, '承诺时限').locator('.el-form-item__error');
    await error.waitFor();
    expect(await error.textContent()).toContain('须为 1 至法定时限');
    expect((await powerState()).promisedDays).toBe(10);
    await screenshot(page, SUITE, '03-field-error');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('changes the promised limit, adds an orange risk point at a step, and publishes version 2', async () => {
    await page.getByLabel('承诺时限').fill('8');
    await page.getByRole('button', { name: '保存基本信息' }).click();
    await page.getByText('已保存到草稿。').waitFor();
    await formItem(page, '承诺时限').locator('.el-form-item__error').waitFor({ state: 'hidden' });
    expect((await powerState()).promisedDays).toBe(8);

    await page.getByRole('tab', { name: /廉政风险点/ }).click();
    const risks = page.locator('#pane-risks');
    await pick(risks, '风险点所在环节', '第 3 步：作出决定');
    await pick(risks, '风险等级', '二级（橙色）');
    await risks.getByLabel('风险描述').fill('决定送达不及时');
    await risks.getByRole('textbox', { name: '防控措施' }).fill('限时送达\n送达回执存档');
    await risks.getByRole('button', { name: '添加风险点' }).click();
    const orange = risks.locator('.admin-risk-orange');
    await orange.waitFor();
    expect(await orange.locator('.risk-tag').textContent()).toBe('二级（橙色）');
    expect(await orange.locator('.risk-measures li').allTextContents()).toEqual(['限时送达', '送达回执存档']);
    expect(await risks.locator('.admin-risk-red').count()).toBe(1);
    await screenshot(page, SUITE, '04-risk-points');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '公布第 2 版' }).click();
    await page.getByText('第 2 版已公布').waitFor();
    const state = await powerState();
    expect([state.version, state.state, state.status, state.publishedVersion]).toEqual([
      2,
      'PUBLISHED',
      'PUBLISHED',
      2,
    ]);
    expect(state.promisedDays).toBe(8);
    expect(state.riskPoints.find((r) => r.level === 2)).toEqual({
      level: 2,
      colour: 'ORANGE',
      stepNo: 3,
      description: '决定送达不及时',
      measures: ['限时送达', '送达回执存档'],
    });
    await screenshot(page, SUITE, '05-published');
  });

  it('the public power page, signed out in another browser, shows the new version', async () => {
    visitor = await openBrowser();
    const publicPage = await visitor.context.newPage();
    const publicFailures = watchFailures(publicPage);
    await publicPage.goto(`${base}/powers/${powerId}`);
    await publicPage.getByRole('heading', { name: '测试事项ADMIN-UI-1' }).waitFor();
    await publicPage.getByRole('link', { name: '工作人员登录' }).waitFor();
    const promised = publicPage
      .locator('.el-descriptions__cell', { hasText: '承诺时限' })
      .locator('xpath=following-sibling::*[1]');
    expect((await promised.textContent())?.trim()).toBe('8 个工作日');
    const orange = publicPage.locator('.risk-card-orange');
    expect(await orange.count()).toBe(1);
    expect(await orange.textContent()).toContain('决定送达不及时');
    expect(await orange.locator('.risk-step').textContent()).toBe('环节：作出决定');
    await screenshot(publicPage, SUITE, '06-public-power');
    expect(await axeViolations(publicPage)).toEqual([]);
    expect(publicFailures).toEqual([]);
    await publicPage.close();
  });

  it('账号管理 lists the subtree’s accounts with unit, department and post by name', async () => {
    await page.getByRole('menuitem', { name: '管理' }).hover();
    await page.getByRole('menuitem', { name: '账号管理' }).click();
    await page.waitForURL(`${base}/admin/accounts`);
    // Move off the menu so its pop-up closes before the page is checked.
    await page.mouse.move(600, 700);
    await page.locator('.el-menu--popup').waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: '账号管理' }).waitFor();
    const table = page.locator('.admin-accounts-table');
    await table.waitFor();
    const clerk = table
      .locator('tbody tr')
      .filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^clerk\\.${TOWNSHIP}$`) }) });
    expect(await clerk.count()).toBe(1);
    expect(await clerk.textContent()).toContain('经办人员');
    expect(await clerk.textContent()).toContain('正常');
    await screenshot(page, SUITE, '07-accounts');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('creates an account with a department and post by name; a bad login name is told beside its field', async () => {
    const units = await stack.gql<{
      unit: {
        departments: { id: string; name: string; supervisory: boolean; posts: { id: string; name: string }[] }[];
      };
    }>(`query($code: ID!) { unit(code: $code) { departments { id name supervisory posts { id name } } } }`, {
      token: adminToken,
      variables: { code: TOWNSHIP },
    });
    const department = units.data!.unit.departments.find((d) => !d.supervisory && d.posts.length > 0)!;
    const post = department.posts[0]!;

    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.waitFor();
    await pick(dialog, '角色', '管理员');
    await dialog.getByLabel('姓名').fill('界面新建');
    await dialog.getByLabel('登录名').fill('bad name!');
    await pick(dialog, '部门', department.name);
    await pick(dialog, '岗位', post.name);
    await dialog.getByRole('button', { name: '创建账号' }).click();
    const error = formItem(dialog, '登录名').locator('.el-form-item__error');
    await error.waitFor();
    expect(await error.textContent()).toBe('登录名须为 3-64 位字母、数字、点、横线或下划线');
    expect(await accountOf('bad name!')).toBeUndefined();
    await screenshot(page, SUITE, '08-account-field-error');
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByLabel('登录名').fill('admin.ui-new');
    const password = await dialog.getByLabel('初始密码').inputValue();
    expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10,}$/);
    await dialog.getByRole('button', { name: '创建账号' }).click();
    const shown = page.locator('.one-time-password');
    await shown.waitFor();
    expect(await shown.locator('.one-time-value').textContent()).toBe(password);
    expect(await accountOf('admin.ui-new')).toEqual({
      subject: 'admin.ui-new',
      name: '界面新建',
      role: 'ADMIN',
      departmentId: department.id,
      postId: post.id,
      status: 'ACTIVE',
    });
    const row = page.locator('.admin-accounts-table tbody tr', { hasText: 'admin.ui-new' });
    await row.waitFor();
    expect(await row.textContent()).toContain(department.name);
    expect(await row.textContent()).toContain(post.name);
    created = { subject: 'admin.ui-new', password, departmentId: department.id, postId: post.id };
    await screenshot(page, SUITE, '09-account-created');
  });

  it('disables and enables the new account', async () => {
    const row = page.locator('.admin-accounts-table tbody tr', { hasText: created.subject });
    await row.getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    expect((await accountOf(created.subject))?.status).toBe('DISABLED');
    await row.getByRole('button', { name: '启用' }).click();
    await row.getByText('正常').waitFor();
    expect((await accountOf(created.subject))?.status).toBe('ACTIVE');
  });

  it('the new account signs in, must set its own password first, and lands on its home', async () => {
    const context = visitor!.context;
    await context.clearCookies();
    const fresh = await context.newPage();
    const freshFailures = watchFailures(fresh);
    await fresh.goto(`${base}/login`);
    await signIn(fresh, created.subject, created.password);
    await fresh.getByRole('heading', { name: '首次登录，请设置新密码' }).waitFor();
    await fresh.getByLabel('新密码', { exact: true }).fill('Jiemian2026xin');
    await fresh.getByLabel('再次输入新密码').fill('Jiemian2026xin');
    await fresh.getByRole('button', { name: '保存并登录' }).click();
    await fresh.waitForURL(`${base}/admin/powers`);
    await fresh.locator('.shell-who').filter({ hasText: '界面新建' }).waitFor();
    await screenshot(fresh, SUITE, '10-new-account-signed-in');
    expect(freshFailures).toEqual([]);
    await fresh.close();
  });

  it('resets the account’s password: the new one is shown once, works, and must be changed at sign-in', async () => {
    const row = page.locator('.admin-accounts-table tbody tr', { hasText: created.subject });
    await row.getByRole('button', { name: '重置密码' }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^重置密码：界面新建`) });
    await dialog.waitFor();
    const password = await dialog.getByLabel('新密码').inputValue();
    await dialog.getByRole('button', { name: '重置密码' }).click();
    const shown = page.locator('.one-time-password');
    await shown.filter({ hasText: '密码已重置' }).waitFor();
    expect(await shown.locator('.one-time-value').textContent()).toBe(password);
    const signedIn = await authPost(stack.gatewayUrl, '/auth/login', {
      body: { subject: created.subject, password },
      from: '127.0.0.61',
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.mustChangePassword).toBe(true);
    await screenshot(page, SUITE, '11-password-reset');
  });
});
