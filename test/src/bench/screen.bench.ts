import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONSOLE_DIR } from '@sunlight/gateway';
import { DEMO_PASSWORD } from '@sunlight/powers';
import { publishEvent, Role } from '@sunlight/shared';
import { startTestPostgres } from '@sunlight/shared/testing';
import type { CDPSession, Page } from 'playwright-core';
import { openBrowser, watchFailures } from '../support/browser';
import { ADVANCE_CASE, fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

/**
 * `npm run bench:screen`: the big screen (大屏) in Debian's Chromium against the whole stack with
 * the demo history and the alerts service consuming, signed in as the city's leader at 1920×1080.
 *
 * - Time to first paint: first contentful paint of /screen (a full load after sign-in), and the
 *   time until its headline figures are shown, from the navigation's start.
 * - Memory over live updates: activity at ten times the demo's rate (the simulator acts every
 *   15 s, DEMO_ACTIVITY_INTERVAL_MS; here every 1.5 s): filings in three townships of three
 *   counties, every 4th action a checkpoint refusal (an alert) and every 6th a red card (an alert
 *   that makes a unit blink). The page's JS heap (CDP Performance.getMetrics JSHeapUsedSize, after
 *   a forced garbage collection) and its DOM node count are sampled every 10 s; WebSocket frames
 *   received are counted (pushes, not polls).
 *
 * BENCH_SCREEN_SECONDS (default 120; 600 for the ten minutes), BENCH_SCREEN_INTERVAL_MS (1500).
 */
const SECONDS = Number(process.env['BENCH_SCREEN_SECONDS'] ?? 120);
const INTERVAL_MS = Number(process.env['BENCH_SCREEN_INTERVAL_MS'] ?? 1500);
const SAMPLE_MS = 10_000;
const CITY = '139900000000';
const TOWNSHIPS = ['139901001000', '139902001000', '139903001000'];

interface Sample {
  at: number;
  heapMb: number;
  nodes: number;
}

async function metrics(cdp: CDPSession): Promise<{ heapMb: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => m.find((x) => x.name === name)?.value ?? 0;
  return { heapMb: get('JSHeapUsedSize') / 1048576, nodes: get('Nodes') };
}

/** Least-squares slope of heap over time, in MB per minute. */
function slope(samples: Sample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const xs = samples.map((s) => s.at / 60_000);
  const ys = samples.map((s) => s.heapMb);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** One action of the 10× activity: a filing, sometimes refused at a checkpoint or carded red. */
async function act(stack: Stack, powers: Map<string, string>, n: number): Promise<void> {
  const unit = TOWNSHIPS[n % TOWNSHIPS.length]!;
  const filed = await fileCase(stack, unit, powers.get(unit)!, `bench-screen-${n}`);
  const c = filed.data?.fileCase.case;
  if (!c) throw new Error(`fileCase failed: ${JSON.stringify(filed.errors)}`);
  if (n % 4 === 0)
    await stack.gql(ADVANCE_CASE, {
      token: await stack.tokenFor(Role.CLERK, unit),
      variables: { key: `bench-screen-adv-${n}`, input: { caseId: c.id, result: '材料齐全' } },
    });
  if (n % 6 === 0)
    await stack.subgraphs['cases']!.dataSource.transaction((em) =>
      publishEvent(em, 'cases', {
        topic: 'case.card_raised',
        unitCode: unit,
        aggregateId: c.id,
        payload: {
          caseId: c.id,
          number: c.number,
          powerId: powers.get(unit)!,
          powerVersion: 1,
          level: 'RED',
          step: 1,
          reason: 'overdue',
          hash: `bench-red-${n}`,
        },
      }),
    );
}

async function main(): Promise<void> {
  const load = loadavg()[0]!.toFixed(2);
  const consoleDir = mkdtempSync(path.join(os.tmpdir(), 'sunlight-console-'));
  cpSync(DEFAULT_CONSOLE_DIR, consoleDir, { recursive: true });
  const stopPostgres = await startTestPostgres(); // embedded, or DATABASE_URL's server
  const t0 = Date.now();
  const stack = await startStack({ alerts: true, demoHistory: true, consoleDir });
  console.log(
    `stack with the demo history started in ${((Date.now() - t0) / 1000).toFixed(0)} s (load average before: ${load})`,
  );
  const browser = await openBrowser();
  try {
    const powers = new Map<string, string>();
    for (const unit of TOWNSHIPS)
      powers.set(
        unit,
        await publishTestPower(stack, {
          unit,
          code: `BENCH-SCREEN-${unit}`,
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
        }),
      );
    const base = stack.gatewayUrl.replace(/\/graphql$/, '');
    const page: Page = await browser.context.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    const failures = watchFailures(page);
    await page.goto(`${base}/login?next=/screen`);
    await page.getByLabel('账号').fill(`leader.${CITY}`);
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${base}/screen`);
    // let the signed-in page finish its reads (card counts last), so the reload below aborts none
    await page.waitForFunction(() => {
      const cards = document.querySelector('[data-figure="year-cards"] dd')?.textContent ?? '';
      return cards !== '' && !cards.includes('统计中');
    });

    // first paint: a full load of /screen with the session restored from the refresh cookie
    await page.goto(`${base}/screen`);
    await page.locator('[data-figure="month-filed"] dd').waitFor();
    await page.locator('.trend-chart svg').first().waitFor();
    const paint = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      return { fcp, figures: performance.now() };
    });
    console.log(
      `first contentful paint ${paint.fcp.toFixed(0)} ms; headline figures and charts shown ${paint.figures.toFixed(0)} ms after navigation start`,
    );

    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Network.enable');
    let frames = 0;
    cdp.on('Network.webSocketFrameReceived', () => (frames += 1));
    const figureQueries: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.postData()?.includes('ScreenUnit')) figureQueries.push(r.url());
    });

    const samples: Sample[] = [];
    const start = Date.now();
    samples.push({ at: 0, ...(await metrics(cdp)) });
    let actions = 0;
    let errors = 0;
    let nextSample = start + SAMPLE_MS;
    while (Date.now() - start < SECONDS * 1000) {
      const began = Date.now();
      try {
        await act(stack, powers, actions);
      } catch (e) {
        errors += 1;
        console.error(`action ${actions}: ${(e as Error).message}`);
      }
      actions += 1;
      if (Date.now() >= nextSample) {
        samples.push({ at: Date.now() - start, ...(await metrics(cdp)) });
        nextSample += SAMPLE_MS;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_MS - (Date.now() - began))));
    }
    await new Promise((r) => setTimeout(r, 3000));
    samples.push({ at: Date.now() - start, ...(await metrics(cdp)) });
    const ticker = await page.locator('.ticker-item').count();
    const stale = await page.locator('[data-stale="true"]').count();

    const heaps = samples.map((s) => s.heapMb);
    // after the first minute's warm-up (charts, caches), the heap should stay flat
    const settled = samples.filter((s) => s.at >= Math.min(60_000, (SECONDS * 1000) / 2));
    console.log(`\nlive updates for ${SECONDS} s at one action per ${INTERVAL_MS} ms (10× the demo's 15 s):`);
    console.log(
      `  actions ${actions} (errors ${errors}); WebSocket frames received ${frames}; figure queries over HTTP ${figureQueries.length}; ticker rows ${ticker} (capped at 30); stale shown ${stale > 0}`,
    );
    console.log('  t (s)   JS heap (MB)   DOM nodes');
    for (const s of samples)
      console.log(
        `  ${(s.at / 1000).toFixed(0).padStart(5)}   ${s.heapMb.toFixed(2).padStart(12)}   ${String(s.nodes).padStart(9)}`,
      );
    console.log(
      `  heap start ${heaps[0]!.toFixed(2)} MB, end ${heaps[heaps.length - 1]!.toFixed(2)} MB, max ${Math.max(...heaps).toFixed(2)} MB; ` +
        `slope after warm-up ${slope(settled).toFixed(3)} MB/min (${settled.length} samples)`,
    );
    console.log(`  console errors / failed requests: ${failures.length === 0 ? 'none' : failures.join('; ')}`);
    await cdp.detach();
  } finally {
    await browser.close();
    await stack.stop();
    await stopPostgres();
    rmSync(consoleDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
