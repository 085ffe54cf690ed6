import os from 'node:os';
import path from 'node:path';
import { lastCompleteMonth, loadPlatformConfig, loadSecrets, Role, TokenService, type Principal } from '@sunlight/shared';
import { cityBigScreenQuery, cityDashboardQuery, monthVariables } from '../support/dashboard-query';
import { openCityDataset } from './city/city-dataset';
import { directDashboard } from './city/direct-dashboard';
import { graphqlPost } from './city/graphql-post';
import { runLoad, type LoadResult } from './city/load-runner';
import { peakMemory } from './city/memory';
import { markdown, writeReport, type BenchReport } from './city/report';
import { sqlFloor } from './city/sql-floor';
import { startLocalStack } from './local-stack';

/**
 * `npm run bench`: starts the federation (one process per service, as `npm start` does) on the
 * dataset `npm run generate -- --scale city` built, then measures, one scenario after another on
 * loopback, for BENCH_SECONDS each (default 20):
 * - the city dashboard (city, counties, townships, every statistic) through the gateway, by 20
 *   clients; the same data straight from the subgraphs; the same by SQL alone (the floor); and a
 *   leaner big screen (headline figures, risk score and rank per unit, no series);
 * - a county's catalog page (public, 20 per page, following the cursor);
 * - the filing mix: file a case and take it through every step to completion (clerks and leaders
 *   of many units, BENCH_FILING_CLIENTS, default 32);
 * - public progress lookups by number and query code (BENCH_LOOKUP_CLIENTS, default 32).
 * Writes test/bench-results/city-bench.json and .md and prints the markdown.
 */
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const DASHBOARD_CLIENTS = Number(process.env['BENCH_DASHBOARD_CLIENTS'] ?? 20);
const FILING_CLIENTS = Number(process.env['BENCH_FILING_CLIENTS'] ?? 32);
const LOOKUP_CLIENTS = Number(process.env['BENCH_LOOKUP_CLIENTS'] ?? 32);
const RESULTS = path.resolve(__dirname, '../../bench-results');
const SUBGRAPH_URLS = { powers: 'http://127.0.0.1:4001/graphql', cases: 'http://127.0.0.1:4002/graphql', evaluations: 'http://127.0.0.1:4003/graphql', complaints: 'http://127.0.0.1:4004/graphql', alerts: 'http://127.0.0.1:4005/graphql' };

async function main(): Promise<void> {
  const dataset = await openCityDataset();
  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(`dataset: ${JSON.stringify(dataset.summary)}`);
  log(`filers: ${dataset.filers.length}, lookups: ${dataset.lookups.length}`);
  const stack = await startLocalStack({ DATABASE_URL: dataset.databaseUrl, CARD_SCHEDULER_INTERVAL_MS: '0', COMPLAINT_CLOCK_INTERVAL_MS: '0' }, dataset.dataDir);
  const results: LoadResult[] = [];
  try {
    const secrets = loadSecrets(loadPlatformConfig({ ...process.env, DATA_DIR: dataset.dataDir }));
    const tokens = new TokenService(secrets.tokenSecret, secrets.internalSecret);
    const city = dataset.city;
    const inspector: Principal = { subject: `INSPECTOR.${city}`, role: Role.INSPECTOR, unit: city };
    const inspectorToken = await tokens.issue(inspector);
    const month = lastCompleteMonth(new Date());
    const vars = monthVariables(month);
    const gateway = (query: string, variables: Record<string, unknown>, token?: string) => graphqlPost<Record<string, unknown>>(stack.gatewayUrl, query, variables, token ? { authorization: `Bearer ${token}` } : {});

    // The city dashboard three ways. One warm-up each, so that plans and peer caches are built.
    const dashboard = cityDashboardQuery(city);
    const direct = directDashboard(SUBGRAPH_URLS, tokens, inspector, city);
    const floor = await sqlFloor(dataset.databaseUrl, inspector, city, () => new Date());
    await gateway(dashboard, vars, inspectorToken);
    await direct(vars);
    await floor.run(vars);
    log('dashboard through the gateway…');
    results.push(await runLoad('city dashboard, gateway', DASHBOARD_CLIENTS, SECONDS, (time) => time(() => gateway(dashboard, vars, inspectorToken)).then(() => undefined)));
    log('dashboard straight from the subgraphs…');
    results.push(await runLoad('city dashboard, direct subgraphs', DASHBOARD_CLIENTS, SECONDS, (time) => time(() => direct(vars)).then(() => undefined)));
    log('dashboard by SQL alone…');
    results.push(await runLoad('city dashboard, SQL floor', DASHBOARD_CLIENTS, SECONDS, (time) => time(() => floor.run(vars)).then(() => undefined)));
    await floor.close();
    const bigScreen = cityBigScreenQuery(city);
    await gateway(bigScreen, vars, inspectorToken);
    log('big screen (headline figures only) through the gateway…');
    results.push(await runLoad('city big screen (headline figures), gateway', DASHBOARD_CLIENTS, SECONDS, (time) => time(() => gateway(bigScreen, vars, inspectorToken)).then(() => undefined)));

    // A county's catalog, as the public pages through it.
    const catalog = `query($unit: ID!, $after: String) { powers(unit: $unit, first: 20, after: $after) { totalCount edges { node { id code name category legalBasis } } pageInfo { endCursor hasNextPage } } }`;
    log('catalog pages…');
    results.push(
      await runLoad('county catalog page (public)', DASHBOARD_CLIENTS, SECONDS, async (time, c) => {
        const unit = dataset.counties[c % dataset.counties.length]!;
        let after: string | null = null;
        for (let page = 0; page < 3; page++) {
          const r = (await time(() => gateway(catalog, { unit, after }))) as { powers: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
          if (!r.powers.pageInfo.hasNextPage) break;
          after = r.powers.pageInfo.endCursor;
        }
      }),
    );

    // Public progress lookups by case number and query code.
    const lookup = 'query($n: String!, $q: String!) { caseProgress(number: $n, queryCode: $q) { number status powerName currentStep steps { stepNo name state finishedAt } } }';
    let next = 0;
    log('public lookups…');
    results.push(
      await runLoad('public progress lookup', LOOKUP_CLIENTS, SECONDS, async (time) => {
        const s = dataset.lookups[next++ % dataset.lookups.length]!;
        await time(() => gateway(lookup, { n: s.number, q: s.queryCode }));
      }),
    );

    // The filing mix: file, advance through every step, complete; clerks and leaders of many units.
    const run = `${Date.now().toString(36)}`;
    let seq = 0;
    // Every sampled power has checkpoints asking for materials; the mix files under a plain
    // three-step power each sampled unit's admin publishes first (as a unit would).
    const filers = await Promise.all(
      dataset.filers.map(async (f) => {
        const admin = await tokens.issue({ subject: `admin.${f.unit}`, role: Role.ADMIN, unit: f.unit });
        const created = (await gateway(
          'mutation($i: CreatePowerInput!, $k: String!) { createPower(input: $i, idempotencyKey: $k) { id } }',
          {
            k: `bench-power-${run}-${f.unit}`,
            i: { unitCode: f.unit, code: `BENCH-${run}`, name: '压测事项', category: 'CONFIRMATION', legalBasis: '《压测条例》第一条', departmentId: f.departmentId, statutoryDays: 20, promisedDays: 10, flow: [{ name: '受理', timeLimitDays: 2 }, { name: '审查', timeLimitDays: 3 }, { name: '决定', timeLimitDays: 2 }] },
          },
          admin,
        )) as { createPower: { id: string } };
        await gateway('mutation($id: ID!, $k: String!) { publishPower(id: $id, idempotencyKey: $k) { id } }', { id: created.createPower.id, k: `bench-publish-${run}-${f.unit}` }, admin);
        return {
          powers: [{ id: created.createPower.id, steps: 3 }],
          clerk: await tokens.issue({ subject: f.clerkSubject, role: Role.CLERK, unit: f.unit, department: f.departmentId }),
          leader: await tokens.issue({ subject: f.leaderSubject, role: Role.LEADER, unit: f.unit }),
        };
      }),
    );
    log('filing mix…');
    const fileCase = 'mutation($i: FileCaseInput!, $k: String!) { fileCase(input: $i, idempotencyKey: $k) { case { id } } }';
    const advance = 'mutation($i: AdvanceCaseInput!, $k: String!) { advanceCase(input: $i, idempotencyKey: $k) { id } }';
    const complete = 'mutation($i: CompleteCaseInput!, $k: String!) { completeCase(input: $i, idempotencyKey: $k) { id } }';
    results.push(
      await runLoad('filing mix (mutations)', FILING_CLIENTS, SECONDS, async (time, c) => {
        const f = filers[c % filers.length]!;
        const power = f.powers[seq % f.powers.length]!;
        const n = seq++;
        const filed = (await time(() =>
          gateway(fileCase, { k: `bench-${run}-${n}`, i: { powerId: power.id, applicant: { name: '压测申请人', idNumber: '139901199001011234', phone: '13800000000' }, details: '压测办件' } }, f.clerk),
        )) as { fileCase: { case: { id: string } } };
        const caseId = filed.fileCase.case.id;
        for (let step = 1; step < power.steps; step++) {
          await time(() => gateway(advance, { k: `bench-${run}-${n}-${step}`, i: { caseId, result: '同意' } }, f.clerk));
        }
        await time(() => gateway(complete, { k: `bench-${run}-${n}-done`, i: { caseId, outcome: 'APPROVED', result: '准予' } }, f.leader));
      }),
    );

    const memoryMiB = peakMemory();
    const [gw, dir, sql, , , look, filing] = results as [LoadResult, LoadResult, LoadResult, LoadResult, LoadResult, LoadResult, LoadResult];
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const maxNode = Math.max(...Object.entries(memoryMiB).filter(([k]) => !k.startsWith('postgres')).map(([, v]) => v));
    const report: BenchReport = {
      at: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      dataset: dataset.summary,
      scenarios: results,
      ratios: { gatewayVsDirect: ratio(gw.p50, dir.p50), gatewayVsSql: ratio(gw.p50, sql.p50), directVsSql: ratio(dir.p50, sql.p50) },
      memoryMiB,
      targets: [
        { target: `city dashboard p95 ≤ 150 ms at ${DASHBOARD_CLIENTS} clients`, measured: `${gw.p95} ms`, met: gw.p95 <= 150 && gw.errors === 0 },
        { target: 'gateway ≤ 1.5 × direct subgraphs (p50)', measured: `${ratio(gw.p50, dir.p50)} ×`, met: gw.p50 <= 1.5 * dir.p50 },
        { target: 'public lookup ≥ 1000 req/s', measured: `${look.rps} req/s`, met: look.rps >= 1000 && look.errors === 0 },
        { target: 'filing mix ≥ 300 mutations/s, no errors', measured: `${filing.rps} mutations/s, ${filing.errors} errors`, met: filing.rps >= 300 && filing.errors === 0 },
        { target: 'every process < 300 MB', measured: `largest Node process ${maxNode} MiB`, met: maxNode < 300 },
      ],
    };
    const files = writeReport(RESULTS, report);
    log(`\n${markdown(report)}\nwrote ${files.json} and ${files.md}`);
  } finally {
    await stack.stop();
    await dataset.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
