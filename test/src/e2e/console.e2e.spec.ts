import { existsSync } from 'node:fs';
import { DEFAULT_CONSOLE_DIR } from '@sunlight/gateway';
import type { Page } from 'playwright-core';
import { fileCase, publishTestPower } from '../support/case-fixtures';
import { axeViolations, openBrowser, screenshot, watchFailures } from '../support/browser';
import { startStack, type Stack } from '../support/start-stack';

const TOWNSHIP = '139901001000';
const SUITE = 'console-public';

/**
 * The public console in Debian's Chromium against the whole stack: the catalog, a power with its
 * flow diagram and a red risk point, and a case's progress by number and query code. Any console
 * error, failed request or WCAG A/AA violation fails it; screenshots go to test/artifacts/.
 */
describe('console: the public pages in a browser', () => {
  let stack: Stack;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let failures: string[];
  let base: string;
  let filed: { number: string; queryCode: string };

  beforeAll(async () => {
    if (!existsSync(`${DEFAULT_CONSOLE_DIR}/index.html`))
      throw new Error(`the console is not built (${DEFAULT_CONSOLE_DIR}): npm run build`);
    stack = await startStack();
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
    const power = await publishTestPower(stack, {
      unit: TOWNSHIP,
      code: 'CONSOLE-1',
      steps: [
        { name: '受理申请', days: 1 },
        { name: '材料审查', days: 3 },
        { name: '作出决定', days: 2 },
      ],
      riskPoints: [
        { stepNo: 2, level: 1, description: '审查中擅自降低标准', measures: ['双人审查', '留痕备查'] },
        { stepNo: 3, level: 3, description: '决定未及时送达', measures: ['限时送达'] },
      ],
    });
    const answer = await fileCase(stack, TOWNSHIP, power, 'console-file-1');
    const c = answer.data?.fileCase;
    if (!c) throw new Error(`fileCase failed: ${JSON.stringify(answer.errors)}`);
    filed = { number: c.case.number, queryCode: c.queryCode };
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

  it('opens at / on the catalog, in Chinese, reachable by keyboard, without WCAG A/AA violations', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/catalog`);
    await page.getByRole('heading', { name: '权力清单' }).waitFor();
    await page.locator('.catalog-table').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.title()).toBe('权力清单 - 阳光政务监督平台');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    await screenshot(page, SUITE, '01-catalog');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('searches the catalog and opens a power: its flow diagram, a red risk point and its measures', async () => {
    await page.getByLabel('关键词').fill('测试事项CONSOLE-1');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 1 项').waitFor();
    await screenshot(page, SUITE, '02-catalog-search');
    await page.getByRole('link', { name: '测试事项CONSOLE-1' }).click();
    await page.getByRole('heading', { name: '测试事项CONSOLE-1' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`^${base}/powers/`));

    const diagram = page.locator('.flow-diagram');
    await diagram.locator('svg').waitFor();
    const drawn = await diagram.locator('svg').textContent();
    for (const step of ['受理申请', '材料审查', '作出决定']) expect(drawn).toContain(step);
    expect(await diagram.getAttribute('aria-label')).toContain('受理申请、材料审查、作出决定');

    const red = page.locator('.risk-card-red');
    expect(await red.count()).toBe(1);
    expect(await red.locator('.risk-tag').textContent()).toBe('一级（红色）');
    expect(await red.textContent()).toContain('审查中擅自降低标准');
    expect(await red.locator('.risk-measures li').allTextContents()).toEqual(['双人审查', '留痕备查']);
    expect(await red.locator('.risk-step').textContent()).toBe('环节：材料审查');
    expect(await page.locator('.risk-card-yellow').count()).toBe(1);
    expect(await page.getByText('《测试条例》第三条').count()).toBe(1);
    await screenshot(page, SUITE, '03-power');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('looks a case up by its number and query code (办件动态); a wrong code is told in Chinese', async () => {
    await page.getByRole('menuitem', { name: '办件动态' }).click();
    await page.getByRole('heading', { name: '办件动态查询' }).waitFor();
    await page.getByLabel('办件编号').fill(filed.number);
    await page.getByLabel('查询码').fill(filed.queryCode);
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('.progress-result .el-descriptions').waitFor();
    const result = await page.locator('.progress-result').textContent();
    expect(result).toContain('测试事项CONSOLE-1');
    expect(result).toContain(filed.number);
    expect(result).toContain('受理申请');
    await screenshot(page, SUITE, '04-progress');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('查询码').fill('ZZZZZZZZ');
    await page.getByRole('button', { name: '查询' }).click();
    const error = page.locator('.progress-result [role=alert]');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('CASE_NOT_FOUND');
    // The API's own Chinese message is shown (services/cases case-lookup.service).
    expect(await error.textContent()).toContain('没有与该办件编号和查询码相符的办件');
    await screenshot(page, SUITE, '05-progress-not-found');
  });

  it('serves the bundled explorer (GraphiQL) at /graphql to a browser in development, and it runs a query', async () => {
    // GraphiQL introspects the schema first; running the query before that may be ignored.
    const introspected = page.waitForResponse(
      (r) => r.url() === stack.gatewayUrl && (r.request().postData() ?? '').includes('IntrospectionQuery'),
    );
    await page.goto(`${base}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    await introspected;
    await page.locator('.graphiql-query-editor').getByText('rootUnits').first().waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('rootUnits').first().waitFor();
    await screenshot(page, SUITE, '06-explorer');
  });
});
