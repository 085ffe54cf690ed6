import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_CONSOLE_DIR } from '@sunlight/gateway';
import { startTestPostgres } from '@sunlight/shared/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser, watchFailures } from '../support/browser';
import { publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';
import { Latency } from './latency';

/**
 * `npm run bench:console`: the console's load performance in Debian's Chromium against the whole
 * stack on loopback (test/src/support/start-stack.ts), for the catalog, a power and the sign-in page.
 *
 * Cold: a new browser profile per run (empty HTTP cache, no cookies). Warm: one profile that has
 * opened the page once; each run opens it in a new tab after clearing cookies (cache kept).
 * Per run, from the navigation's start (ms): first contentful paint, DOMContentLoaded (end of its
 * handlers), load (end), and "interactive": the page's main content is in the DOM (a
 * MutationObserver sees the page's ready condition, which includes its main control being enabled)
 * AND the main thread has then run a task posted at that moment (a MessageChannel message), i.e. it
 * was free to handle input. After timing, the main control is really used and its effect awaited
 * (not timed); a run fails if that does not happen, or on any console error or failed request.
 * Blocking: the long tasks' time over 50 ms each before "interactive" (TBT-like). Bytes: transferSize
 * of the document and every resource (headers included; 0 when served from cache) until then.
 * Then the size of every emitted file of the console build, raw and gzip (the gateway sends raw).
 *
 * BENCH_RUNS (default 10), BENCH_CONSOLE_DIR (default the gateway's DEFAULT_CONSOLE_DIR).
 */
const RUNS = Number(process.env['BENCH_RUNS'] ?? 10);
const CONSOLE_DIR = process.env['BENCH_CONSOLE_DIR'] ?? DEFAULT_CONSOLE_DIR;
const TOWNSHIP = '139901001000';

interface Target {
  name: string;
  path: string;
  /** Evaluated in the page: true once the main content is rendered and its main control enabled. */
  ready: string;
  /** Uses the main control and waits for its effect. */
  respond(page: Page): Promise<void>;
}

interface Sample {
  fcp: number;
  dcl: number;
  load: number;
  tti: number;
  blocking: number;
  bytes: number;
  assetBytes: number;
}

/** Installed before any page script: records when `ready` first holds and when the thread is next free. */
const probe = (ready: string) => `(() => {
  const bench = (window.__bench = { ready: 0, interactive: 0, longTasks: [] });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) bench.longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  const isReady = () => { try { return Boolean(${ready}); } catch { return false; } };
  const observer = new MutationObserver(() => {
    if (bench.ready || !isReady()) return;
    bench.ready = performance.now();
    observer.disconnect();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { bench.interactive = performance.now(); };
    channel.port2.postMessage(0);
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();`;

async function measure(context: BrowserContext, base: string, target: Target): Promise<Sample> {
  const page = await context.newPage();
  const failures = watchFailures(page);
  try {
    await page.addInitScript(probe(target.ready));
    await page.goto(`${base}${target.path}`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => (window as unknown as { __bench: { interactive: number } }).__bench.interactive > 0,
    );
    await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]!.toJSON().loadEventEnd > 0);
    const sample = await page.evaluate(() => {
      const bench = (window as unknown as { __bench: { interactive: number; longTasks: [number, number][] } }).__bench;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (r) => r.startTime <= bench.interactive,
      );
      const assets = resources.filter((r) => new URL(r.name).pathname.startsWith('/assets/'));
      const sum = (rs: PerformanceResourceTiming[]) => rs.reduce((n, r) => n + r.transferSize, 0);
      return {
        fcp,
        dcl: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        tti: bench.interactive,
        blocking: bench.longTasks
          .filter(([start]) => start < bench.interactive)
          .reduce((n, [, duration]) => n + Math.max(0, duration - 50), 0),
        bytes: nav.transferSize + sum(resources),
        assetBytes: sum(assets),
      };
    });
    await target.respond(page);
    if (failures.length > 0) throw new Error(`${target.name}: ${failures.join('\n')}`);
    return sample;
  } finally {
    await page.close();
  }
}

async function coldRuns(base: string, target: Target): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const browser = await openBrowser();
    try {
      samples.push(await measure(browser.context, base, target));
    } finally {
      await browser.close();
    }
  }
  return samples;
}

async function warmRuns(base: string, target: Target): Promise<Sample[]> {
  const browser = await openBrowser();
  try {
    await measure(browser.context, base, target); // fills the cache
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      await browser.context.clearCookies();
      samples.push(await measure(browser.context, base, target));
    }
    return samples;
  } finally {
    await browser.close();
  }
}

function targets(powerId: string, powerName: string): Target[] {
  return [
    {
      name: '权力清单 /catalog',
      path: '/catalog',
      ready: `document.querySelector('.catalog-table .el-table__body tr') && !document.querySelector('.catalog-filters button[type=submit]').disabled`,
      async respond(page) {
        await page.getByLabel('关键词').fill(powerName);
        await page.getByRole('button', { name: '查询' }).click();
        await page.getByText('共 1 项').waitFor();
      },
    },
    {
      name: '权力事项 /powers/:id',
      path: `/powers/${powerId}`,
      ready: `document.querySelector('#power-title') && document.querySelector('.flow-diagram svg text') && document.querySelector('.power-page .el-breadcrumb__inner.is-link')`,
      async respond(page) {
        await page.locator('.power-page .el-breadcrumb').getByText('权力清单').click();
        await page.getByRole('heading', { name: '权力清单' }).waitFor();
      },
    },
    {
      name: '登录 /login',
      path: '/login',
      ready: `document.querySelector('#sign-in-subject') && document.querySelector('.sign-in-submit') && !document.querySelector('.sign-in-submit').disabled`,
      async respond(page) {
        // An empty form is refused by its own validation, beside the fields (no request is made).
        await page.getByRole('button', { name: '登录' }).click();
        await page.locator('.sign-in .el-form-item__error').first().waitFor();
      },
    },
  ];
}

const median = (xs: number[]) => percentile(xs, 50);
function percentile(xs: number[], p: number): number {
  const l = new Latency();
  for (const x of xs) l.add(x);
  return l.percentile(p);
}
const ms = (x: number) => x.toFixed(0).padStart(6);
const kb = (x: number) => (x / 1024).toFixed(1).padStart(8);

function printTimings(rows: { page: string; mode: string; samples: Sample[] }[]): void {
  const head = ['page', 'mode', 'FCP', 'DCL', 'load', 'TTI', 'blocking', 'KiB transferred (assets)'];
  console.log(`\nLoad timings over ${RUNS} runs each, ms from navigation start: median / p95`);
  console.log(head.join(' | '));
  for (const r of rows) {
    const col = (k: keyof Sample) =>
      `${ms(median(r.samples.map((s) => s[k])))} /${ms(
        percentile(
          r.samples.map((s) => s[k]),
          95,
        ),
      )}`;
    const bytes = `${kb(median(r.samples.map((s) => s.bytes)))} (${kb(median(r.samples.map((s) => s.assetBytes))).trim()})`;
    console.log(
      [r.page.padEnd(18), r.mode, col('fcp'), col('dcl'), col('load'), col('tti'), col('blocking'), bytes].join(' | '),
    );
  }
}

function printBundle(dir: string): void {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const f = path.join(d, e);
      if (statSync(f).isDirectory()) walk(f);
      else if (/\.(js|css|html)$/.test(e)) files.push(f);
    }
  };
  walk(dir);
  const sized = files
    .map((f) => {
      const body = readFileSync(f);
      return { file: path.relative(dir, f), raw: body.length, gzip: gzipSync(body).length };
    })
    .sort((a, b) => b.raw - a.raw);
  console.log(
    `\nConsole build ${dir}: ${sized.length} files, KiB raw / gzip (the gateway sends the built brotli or gzip copy a browser accepts; "KiB transferred" above is what went over the wire)`,
  );
  for (const s of sized) console.log(`${kb(s.raw)} ${kb(s.gzip)}  ${s.file}`);
  const total = (re: RegExp) =>
    sized.filter((s) => re.test(s.file)).reduce((n, s) => [n[0]! + s.raw, n[1]! + s.gzip], [0, 0]);
  const [jr, jg] = total(/\.js$/);
  const [cr, cg] = total(/\.css$/);
  console.log(`${kb(jr!)} ${kb(jg!)}  all .js\n${kb(cr!)} ${kb(cg!)}  all .css`);
}

async function main(): Promise<void> {
  const stopPostgres = await startTestPostgres(); // embedded, or DATABASE_URL's server
  const stack: Stack = await startStack({ consoleDir: CONSOLE_DIR });
  try {
    const base = stack.gatewayUrl.replace(/\/graphql$/, '');
    const powerId = await publishTestPower(stack, {
      unit: TOWNSHIP,
      code: 'BENCH-CONSOLE',
      steps: [
        { name: '受理申请', days: 1 },
        { name: '材料审查', days: 3 },
        { name: '作出决定', days: 2 },
      ],
      riskPoints: [{ stepNo: 2, level: 1, description: '审查中擅自降低标准', measures: ['双人审查'] }],
    });
    const rows: { page: string; mode: string; samples: Sample[] }[] = [];
    for (const target of targets(powerId, '测试事项BENCH-CONSOLE')) {
      rows.push({ page: target.name, mode: 'cold', samples: await coldRuns(base, target) });
      rows.push({ page: target.name, mode: 'warm', samples: await warmRuns(base, target) });
    }
    printTimings(rows);
    console.log(
      `load average (1, 5, 15 min) at the end: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(', ')}`,
    );
    printBundle(CONSOLE_DIR);
  } finally {
    await stack.stop();
    await stopPostgres();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
