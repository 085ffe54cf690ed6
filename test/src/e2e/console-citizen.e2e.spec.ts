import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { DEFAULT_CONSOLE_DIR } from '@sunlight/gateway';
import { Role } from '@sunlight/shared';
import type { Locator, Page } from 'playwright-core';
import { publishTestPower } from '../support/case-fixtures';
import { completeCase } from '../support/complete-case';
import { axeViolations, openBrowser, screenshot, watchFailures } from '../support/browser';
import { startStack, type Stack } from '../support/start-stack';

const CITY = '139900000000';
const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const SUITE = 'console-citizen';
const RATE =
  'mutation($input: RateCaseInput!, $key: String!) { rateCase(input: $input, idempotencyKey: $key) { id score ratedOn } }';

interface Satisfaction {
  count: number;
  average: number | null;
  satisfiedShare: number | null;
  rank: number | null;
  peers: number;
}
interface UnitFigures {
  code: string;
  name: string;
  satisfaction: Satisfaction;
}

/**
 * The citizen's side of the console in Debian's Chromium against the whole stack, without signing
 * in: rating a finished step of a case on 办件动态, filing an anonymous complaint with evidence and
 * following it by its code, and the satisfaction barometer (晴雨表). Every result is checked
 * through the API; any console error, failed request or WCAG A/AA violation fails it.
 */
describe('console: a citizen rates, complains and reads the barometer', () => {
  let stack: Stack;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let failures: string[];
  let base: string;
  let done: { id: string; number: string; queryCode: string };
  let period: { from: string; to: string };
  let names: { city: string; county: string; township: string };

  /** Children of `code` with their satisfaction in the period, as the public API answers. */
  async function childrenFigures(code: string): Promise<UnitFigures[]> {
    const r = await stack.gql<{ unit: { children: UnitFigures[] } }>(
      `query($code: ID!, $from: String!, $to: String!) { unit(code: $code) { children { code name
         satisfaction(from: $from, to: $to) { count average satisfiedShare rank peers } } } }`,
      { variables: { code, ...period } },
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.unit.children;
  }

  /** Each row of the barometer's table shows the API's count, average (or 数据不足) and rank. */
  async function expectTableMatches(units: UnitFigures[]): Promise<void> {
    const rows = page.locator('.barometer-table .el-table__body tr');
    expect(await rows.count()).toBe(units.length);
    for (const u of units) {
      const row = rows.filter({ has: page.locator('.barometer-unit', { hasText: new RegExp(`^${u.name}$`) }) });
      expect(await row.count()).toBe(1);
      const s = u.satisfaction;
      expect(await row.locator('.barometer-count').textContent()).toBe(String(s.count));
      if (s.average === null) {
        expect(await row.locator('.barometer-insufficient').textContent()).toContain('数据不足');
        expect((await row.locator('.barometer-rank').textContent())?.trim()).toBe('不参与排名');
      } else {
        expect(await row.locator('.barometer-average').textContent()).toBe(s.average.toFixed(2));
        expect(await row.locator('.barometer-satisfied').textContent()).toBe(
          `${(s.satisfiedShare! * 100).toFixed(1)}%`,
        );
        expect((await row.locator('.barometer-rank').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
          `第 ${s.rank} / ${s.peers} 名`,
        );
      }
    }
  }

  function stepCard(stepNo: number): Locator {
    return page.locator(`.step-rating[data-step="${stepNo}"]`);
  }

  beforeAll(async () => {
    if (!existsSync(`${DEFAULT_CONSOLE_DIR}/index.html`))
      throw new Error(`the console is not built (${DEFAULT_CONSOLE_DIR}): npm run build`);
    stack = await startStack();
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
    const power = await publishTestPower(stack, {
      unit: TOWNSHIP,
      code: 'CITIZEN-1',
      steps: [
        { name: '受理申请', days: 1 },
        { name: '材料审查', days: 3 },
        { name: '作出决定', days: 2 },
      ],
    });
    done = await completeCase(stack, TOWNSHIP, power, 'citizen-case-1');
    const units = await stack.gql<{ unit: { name: string; parent: { name: string; parent: { name: string } } } }>(
      `{ unit(code: "${TOWNSHIP}") { name parent { name parent { name } } } }`,
    );
    const t = units.data!.unit;
    names = { township: t.name, county: t.parent.name, city: t.parent.parent.name };
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

  it('rates a finished step of a looked-up case; the rating is in the API, a step rated before is refused in Chinese', async () => {
    // Step 2 was rated before (by the same citizen through the API): the console must say so.
    const earlier = await stack.gql<{ rateCase: { ratedOn: string } }>(RATE, {
      variables: {
        key: 'citizen-rate-step2',
        input: { caseNumber: done.number, queryCode: done.queryCode, stepNo: 2, score: 5 },
      },
    });
    expect(earlier.errors).toBeUndefined();
    const month = earlier.data!.rateCase.ratedOn.slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    period = { from: `${month}-01`, to: m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01` };

    await page.goto(`${base}/progress`);
    await page.getByRole('heading', { name: '办件动态查询' }).waitFor();
    await page.getByLabel('办件编号').fill(done.number);
    await page.getByLabel('查询码').fill(done.queryCode);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: '评价办理环节' }).waitFor();
    expect(await page.locator('.step-rating').count()).toBe(3);
    expect(await stepCard(3).locator('.step-rating-title').textContent()).toContain('作出决定');

    const step3 = stepCard(3);
    const satisfied = step3.locator('.el-radio-button').nth(1); // 5 非常满意, 4 满意, ...
    expect((await satisfied.textContent())?.trim()).toMatch(/满意$/);
    expect(await satisfied.textContent()).not.toContain('非常');
    await satisfied.click();
    await step3.getByText('办事效率').click();
    await step3.getByLabel('留言（可选）').fill('材料一次讲清，办得很快');
    await screenshot(page, SUITE, '01-rating-form');
    expect(await axeViolations(page)).toEqual([]);
    await step3.getByRole('button', { name: '提交评价' }).click();
    await step3.locator('.step-rating-done').waitFor();
    expect(await step3.locator('.step-rating-result').textContent()).toContain('已评价：满意');

    const step2 = stepCard(2);
    await step2.locator('.el-radio-button').nth(0).click();
    await step2.getByRole('button', { name: '提交评价' }).click();
    const refusal = step2.locator('[role=alert]');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('ALREADY_RATED');
    expect(await refusal.textContent()).toContain('该办件的这一环节已评价过');
    await screenshot(page, SUITE, '02-rated');
    expect(await axeViolations(page)).toEqual([]);

    // Through the API: the township now has both ratings (5 and the console's 4), and its leader
    // reads the console's comment on step 3 with its tag.
    const sat = await stack.gql<{ unit: { satisfaction: Satisfaction } }>(
      `query($from: String!, $to: String!) { unit(code: "${TOWNSHIP}") { satisfaction(from: $from, to: $to) { count average satisfiedShare rank peers } } }`,
      { variables: period },
    );
    expect(sat.data!.unit.satisfaction).toMatchObject({ count: 2, average: 4.5 });
    const leader = await stack.tokenFor(Role.LEADER, TOWNSHIP);
    const comments = await stack.gql<{
      unit: {
        ratingComments: { edges: { node: { score: number; stepNo: number; tags: string[]; comment: string } }[] };
      };
    }>(
      `query($from: String!, $to: String!) { unit(code: "${TOWNSHIP}") { ratingComments(from: $from, to: $to, first: 10) { edges { node { score stepNo tags comment } } } } }`,
      { token: leader, variables: period },
    );
    expect(comments.errors).toBeUndefined();
    expect(comments.data!.unit.ratingComments.edges.map((e) => e.node)).toEqual([
      { score: 4, stepNo: 3, tags: ['EFFICIENCY'], comment: '材料一次讲清，办得很快' },
    ]);
  });

  it('files an anonymous complaint with evidence (an oversized file refused beside the field), then follows it by its code', async () => {
    await page.goto(`${base}/catalog`);
    await page.getByRole('menuitem', { name: '我要投诉' }).click();
    await page.getByRole('heading', { name: '我要投诉' }).waitFor();
    expect(await page.title()).toBe('我要投诉 - 阳光政务监督平台');
    await screenshot(page, SUITE, '03-complaint-form');
    expect(await axeViolations(page)).toEqual([]);

    // The unit by name, level by level: city, county, then the township's own radio.
    await page.getByLabel('被反映单位').click();
    await page.locator('.el-cascader-node', { hasText: names.city }).click();
    await page.locator('.el-cascader-node', { hasText: names.county }).click();
    await page.locator('.el-cascader-node', { hasText: names.township }).locator('.el-radio').click();
    await page.keyboard.press('Escape');
    expect(await page.getByLabel('被反映单位').inputValue()).toContain(names.township);

    await page.locator('.el-select', { has: page.getByRole('combobox', { name: '问题类别' }) }).click();
    await page.getByRole('option', { name: '吃拿卡要' }).click();
    const description = '窗口工作人员暗示办事要请客，否则拖着不办，时间是上周三上午。';
    await page.getByLabel('反映内容').fill(description);

    const evidenceField = page.locator('.el-form-item', { has: page.locator('#complaint-evidence') });
    await page.locator('#complaint-evidence').setInputFiles({
      name: '录音.mp3',
      mimeType: 'audio/mpeg',
      buffer: Buffer.alloc(3 * 1024 * 1024, 1),
    });
    await evidenceField.locator('.el-form-item__error').waitFor();
    expect(await evidenceField.locator('.el-form-item__error').textContent()).toContain(
      '附件「录音.mp3」为 3.0 MiB，超过单个附件 2 MiB 的上限',
    );
    expect(await evidenceField.locator('.evidence-list li').count()).toBe(0);
    await screenshot(page, SUITE, '04-evidence-too-large');

    const proof = Buffer.from('聊天记录截图：请客吃饭才给办');
    await page
      .locator('#complaint-evidence')
      .setInputFiles({ name: '聊天记录.txt', mimeType: 'text/plain', buffer: proof });
    await evidenceField.locator('.evidence-list li').waitFor();
    await evidenceField.locator('.el-form-item__error').waitFor({ state: 'detached' }); // cleared on a new choice
    expect(await evidenceField.locator('.evidence-name').allTextContents()).toEqual(['聊天记录.txt']);

    await page.getByRole('button', { name: '提交投诉' }).click();
    await page.locator('.complaint-receipt').waitFor();
    const number = (await page.locator('.receipt-number').textContent())!.trim();
    const code = (await page.locator('.receipt-code').textContent())!.trim();
    expect(number).toMatch(/^TS\d{4}-\d{6}$/);
    await screenshot(page, SUITE, '05-complaint-receipt');
    expect(await axeViolations(page)).toEqual([]);

    // Through the API: the complaint is anonymous, about the township, with the evidence's hash.
    const inspector = await stack.tokenFor(Role.INSPECTOR, CITY);
    const list = await stack.gql<{
      complaints: {
        edges: {
          node: {
            id: string;
            number: string;
            anonymous: boolean;
            accusedUnit: string;
            category: string;
            description: string;
          };
        }[];
      };
    }>('{ complaints(first: 50) { edges { node { id number anonymous accusedUnit category description } } } }', {
      token: inspector,
    });
    expect(list.errors).toBeUndefined();
    const mine = list.data!.complaints.edges.map((e) => e.node).find((n) => n.number === number)!;
    expect(mine).toMatchObject({ anonymous: true, accusedUnit: TOWNSHIP, category: 'ASKING_FAVOURS', description });
    const detail = await stack.gql<{ complaint: { events: { kind: string; attachmentHashes: string[] }[] } }>(
      `{ complaint(id: "${mine.id}") { events { kind attachmentHashes } } }`,
      { token: inspector },
    );
    expect(detail.data!.complaint.events[0]).toEqual({
      kind: 'FILED',
      attachmentHashes: [createHash('sha256').update(proof).digest('hex')],
    });

    // Follow it by its code: the number is carried over, the code typed from the receipt.
    await page.getByRole('link', { name: '查询办理进展' }).click();
    await page.getByRole('heading', { name: '投诉查询' }).waitFor();
    expect(await page.getByLabel('投诉编号').inputValue()).toBe(number);
    await page.getByLabel('查询码').fill(code);
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('.follow-status').waitFor();
    const progress = await stack.gql<{ complaintProgress: { status: string; events: { kind: string }[] } }>(
      'query($n: String!, $c: String!) { complaintProgress(number: $n, followUpCode: $c) { status events { kind } } }',
      { variables: { n: number, c: code } },
    );
    expect(progress.data!.complaintProgress).toEqual({ status: 'RECEIVED', events: [{ kind: 'FILED' }] });
    expect((await page.locator('.follow-status').textContent())?.trim()).toBe('待受理');
    expect(await page.locator('.follow-event').allTextContents()).toEqual(['提交投诉']);
    await screenshot(page, SUITE, '06-complaint-follow');
    expect(await axeViolations(page)).toEqual([]);

    // More evidence with the code: a new event for the complainant, the file's hash for the inspector.
    const more = Buffer.from('补充：转账记录');
    await page
      .locator('#follow-evidence')
      .setInputFiles({ name: '转账记录.txt', mimeType: 'text/plain', buffer: more });
    await page.getByRole('button', { name: '提交补充证据' }).click();
    await page.getByText('证据已补充，已记入办理记录。').waitFor();
    // The page reads the events again after the confirmation: wait for that read to show the new one.
    await page.locator('.follow-event').nth(1).waitFor();
    expect(await page.locator('.follow-event').allTextContents()).toEqual(['提交投诉', '补充证据']);
    const after = await stack.gql<{ complaint: { events: { kind: string; attachmentHashes: string[] }[] } }>(
      `{ complaint(id: "${mine.id}") { events { kind attachmentHashes } } }`,
      { token: inspector },
    );
    expect(after.data!.complaint.events[1]).toEqual({
      kind: 'EVIDENCE_ADDED',
      attachmentHashes: [createHash('sha256').update(more).digest('hex')],
    });

    await page.getByLabel('查询码').fill('AAAAAAAAAAAA');
    await page.getByRole('button', { name: '查询' }).click();
    const error = page.locator('.follow-result [role=alert]');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('COMPLAINT_NOT_FOUND');
    expect(await error.textContent()).toContain('没有与该投诉编号和查询码相符的投诉');
  });

  it('shows the barometer (晴雨表) of the county tier and, one level down, the townships, with the figures the API gives', async () => {
    await page.getByRole('menuitem', { name: '满意度晴雨表' }).click();
    await page.getByRole('heading', { name: '满意度晴雨表' }).waitFor();
    await page.locator('.barometer-table').waitFor();
    expect(await page.locator('#barometer-month').inputValue()).toBe(
      `${period.from.slice(0, 4)}年${Number(period.from.slice(5, 7))}月`,
    );
    const counties = await childrenFigures(CITY);
    expect(counties.find((c) => c.code === COUNTY)?.satisfaction.count).toBeGreaterThanOrEqual(2);
    await expectTableMatches(counties);
    expect(await page.locator('.barometer-chart').getAttribute('aria-label')).toContain(names.county);
    await page.locator('.barometer-chart svg').waitFor();
    await screenshot(page, SUITE, '07-barometer-counties');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `查看${names.county}下级` }).click();
    await page.getByRole('heading', { name: new RegExp(`^${names.county}下属乡镇`) }).waitFor();
    const townships = await childrenFigures(COUNTY);
    expect(townships.find((t) => t.code === TOWNSHIP)?.satisfaction).toMatchObject({ count: 2, average: 4.5 });
    await expectTableMatches(townships);
    await screenshot(page, SUITE, '08-barometer-townships');
    expect(await axeViolations(page)).toEqual([]);
  });
});
