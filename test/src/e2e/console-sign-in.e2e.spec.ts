import { existsSync } from 'node:fs';
import { DEFAULT_CONSOLE_DIR } from '@sunlight/gateway';
import { DEMO_PASSWORD } from '@sunlight/powers';
import { Role } from '@sunlight/shared';
import type { Page } from 'playwright-core';
import { authPost } from '../support/auth-http';
import { axeViolations, openBrowser, screenshot, watchFailures } from '../support/browser';
import { startStack, type Stack } from '../support/start-stack';

const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const SUITE = 'console-sign-in';

/**
 * Signing in to the console in Debian's Chromium against the whole stack: a wrong password, a
 * role's landing page and menu, a session that survives reloads (the refresh cookie), two tabs
 * renewing at once without tripping the registry's reuse detection, guards on staff pages,
 * signing out in every tab, and a first sign-in that must set a new password.
 */
describe('console: signing in', () => {
  let stack: Stack;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let failures: string[];
  let base: string;
  const refreshes: string[] = [];

  /** Drops exactly the failures a test provoked on purpose (`pattern`), and returns how many. */
  const expected = (pattern: RegExp): number => {
    const before = failures.length;
    failures.splice(0, failures.length, ...failures.filter((f) => !pattern.test(f)));
    return before - failures.length;
  };

  /** Waits until the page's chunks and queries are done, so a reload or a navigation aborts none. */
  const settled = async (p: Page): Promise<void> => {
    await p.locator('.shell-who').waitFor();
    await p.waitForLoadState('networkidle');
  };

  const signIn = async (p: Page, subject: string, password: string): Promise<void> => {
    await p.getByLabel('账号').fill(subject);
    await p.getByLabel('密码', { exact: true }).fill(password);
    await p.getByRole('button', { name: '登录' }).click();
  };

  beforeAll(async () => {
    if (!existsSync(`${DEFAULT_CONSOLE_DIR}/index.html`))
      throw new Error(`the console is not built (${DEFAULT_CONSOLE_DIR}): npm run build`);
    stack = await startStack();
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
    browser = await openBrowser();
    page = await browser.context.newPage();
    failures = watchFailures(page);
    browser.context.on('request', (r) => {
      if (r.url().endsWith('/auth/refresh')) refreshes.push(r.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  afterEach(() => {
    const seen = failures.splice(0);
    expect(seen).toEqual([]);
  });

  it('a visitor who never signed in makes no sign-in request and sees the staff sign-in link', async () => {
    await page.goto(`${base}/catalog`);
    await page.getByRole('heading', { name: '权力清单' }).waitFor();
    await page.locator('.catalog-table').waitFor();
    await page.getByRole('link', { name: '工作人员登录' }).waitFor();
    expect(refreshes).toEqual([]);
  });

  it('a staff page asks for sign-in first; a wrong password is refused in Chinese, without axe violations', async () => {
    await page.goto(`${base}/clerk/cases`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('请输入账号').waitFor();
    await signIn(page, `clerk.${TOWNSHIP}`, 'wrong-password-1');
    const alert = page.getByRole('alert').filter({ hasText: '账号或密码' });
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('LOGIN_FAILED');
    await screenshot(page, SUITE, '01-wrong-password');
    // The refusal is the gateway's HTTP 401 to /auth/login, provoked on purpose.
    expect(expected(/HTTP 401: POST .*\/auth\/login$|status of 401/)).toBeGreaterThanOrEqual(1);
  });

  it('the clerk signs in and is taken back to the page asked for, with its name and its menu', async () => {
    await signIn(page, `clerk.${TOWNSHIP}`, DEMO_PASSWORD);
    await page.waitForURL(`${base}/clerk/cases`);
    const who = page.locator('.shell-who');
    await who.waitFor();
    expect(await who.textContent()).toMatch(/（经办人员）$/);
    expect(await page.getByRole('menuitem', { name: '管理' }).count()).toBe(0);
    // The access token stays in the page's memory: nothing token-like in either storage.
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).not.toMatch(/eyJ/);
    await screenshot(page, SUITE, '02-clerk-signed-in');
  });

  it('a `next` that names another host is not followed after signing in', async () => {
    await settled(page);
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(`${base}/login`);
    await page.goto(`${base}/login?next=${encodeURIComponent('//example.com/x')}`);
    await signIn(page, `clerk.${TOWNSHIP}`, DEMO_PASSWORD);
    await page.waitForURL(`${base}/clerk/cases`);
  });

  it('a page of another role sends the clerk to its own home', async () => {
    await settled(page);
    await page.goto(`${base}/admin/accounts`);
    await page.waitForURL(`${base}/clerk/cases`);
  });

  it('a reload keeps the session through the refresh cookie; two tabs reloading at once both stay signed in', async () => {
    await settled(page);
    refreshes.splice(0);
    await page.reload();
    await settled(page);
    expect(refreshes.length).toBe(1);
    const second = await browser.context.newPage();
    const secondFailures = watchFailures(second);
    await second.goto(`${base}/clerk/cases`);
    await settled(second);
    // Both tabs start at the same moment: the Web Lock lets one renew, the other takes its token.
    await Promise.all([page.reload(), second.reload()]);
    await Promise.all([settled(page), settled(second)]);
    expect(second.url()).toBe(`${base}/clerk/cases`);
    // Had both presented the same rotated token, the registry would have revoked the session.
    await page.reload();
    await settled(page);
    expect(page.url()).toBe(`${base}/clerk/cases`);
    expect(secondFailures).toEqual([]);
    await second.close();
  });

  it('signing out in one tab signs out every tab and revokes the refresh cookie', async () => {
    const second = await browser.context.newPage();
    await second.goto(`${base}/catalog`);
    await settled(second);
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(`${base}/login`);
    await second.getByRole('link', { name: '工作人员登录' }).waitFor();
    await second.close();
    await page.goto(`${base}/clerk/cases`);
    await page.waitForURL(/\/login\?next=/);
  });

  it('a new account must set its own password at its first sign-in, then lands on its home', async () => {
    const admin = await stack.tokenFor(Role.ADMIN, COUNTY);
    const created = await stack.gql(
      `mutation($input: CreateAccountInput!) { createAccount(input: $input) { subject } }`,
      {
        token: admin,
        variables: {
          input: {
            subject: 'inspector.first-login',
            name: '初次登录测试',
            role: 'INSPECTOR',
            unitCode: COUNTY,
            initialPassword: 'Chushi2026mima',
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    await signIn(page, 'inspector.first-login', 'Chushi2026mima');
    await page.getByRole('heading', { name: '首次登录，请设置新密码' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SUITE, '03-first-sign-in');
    await page.getByLabel('新密码', { exact: true }).fill('Xinmima2026ok');
    await page.getByLabel('再次输入新密码').fill('Xinmima2026ok');
    await page.getByRole('button', { name: '保存并登录' }).click();
    await page.waitForURL(`${base}/inspector/alerts`);
    await page.locator('.shell-who').filter({ hasText: '初次登录测试' }).waitFor();
    const old = await authPost(stack.gatewayUrl, '/auth/login', {
      body: { subject: 'inspector.first-login', password: 'Chushi2026mima' },
      from: '127.0.0.60',
    });
    expect(old.body.error?.code).toBe('LOGIN_FAILED');
    const changed = await authPost(stack.gatewayUrl, '/auth/login', {
      body: { subject: 'inspector.first-login', password: 'Xinmima2026ok' },
      from: '127.0.0.60',
    });
    expect(changed.body.mustChangePassword).toBe(false);
  });
});
