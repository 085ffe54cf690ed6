import os from 'node:os';
import path from 'node:path';
import { loadPlatformConfig, loadSecrets, TokenService } from '@sunlight/shared';
import { cityBigScreenQuery, cityDashboardQuery, monthVariables } from '../support/dashboard-query';
import { parseBenchOptions } from './city/bench-options';
import { openCityDataset } from './city/city-dataset';
import {
  cityInspectors,
  coldBurst,
  coldSequential,
  warmLoad,
  type Ask,
  type CacheScenario,
} from './city/dashboard-cache';
import { directDashboard } from './city/direct-dashboard';
import { prepareFilings } from './city/filing-mix';
import { measureFreshness } from './city/freshness';
import { graphqlExchange, graphqlPost } from './city/graphql-post';
import { runLoad, type LoadResult } from './city/load-runner';
import { cpuSeconds, cpuShare, peakMemory } from './city/memory';
import { startPeerGateway, startUncachedGateway } from './city/peer-gateway';
import { compareWithPeer, type PeerComparison } from './city/peer-rounds';
import { assertPortsFree } from './city/ports-free';
import { markdown, writeReport, type BenchReport } from './city/report';
import { ensureSmallCity, smallCityEnv } from './city/small-city';
import { sqlFloor } from './city/sql-floor';
import { judgeTargets } from './city/targets';
import { Teardown } from './city/teardown';
import { startLocalStack } from './local-stack';

/**
 * `npm run bench [-- --quick]`: copies the dataset `npm run generate` built (the city, or with
 * --quick the small city, generated on first use), starts the federation on the copy as `npm start`
 * does, and measures on loopback:
 * - the city dashboard through the gateway cold (first requests of fresh scopes, one at a time and
 *   in a burst) and warm (20 clients, one token); the same data straight from the subgraphs and by
 *   SQL alone; a leaner big screen;
 * - our gateway warm and cold against Hive Gateway on the same subgraphs, alternated in rounds;
 * - a county's catalog pages, public progress lookups;
 * - how soon a filing shows on the dashboard and on a live screen, then the filing mix.
 * Writes test/bench-results/city-bench[-quick].json and .md, prints the markdown, drops the copy.
 */
const RESULTS = path.resolve(__dirname, '../../bench-results');
const SUBGRAPH_URLS = {
  powers: 'http://127.0.0.1:4001/graphql',
  cases: 'http://127.0.0.1:4002/graphql',
  evaluations: 'http://127.0.0.1:4003/graphql',
  complaints: 'http://127.0.0.1:4004/graphql',
  alerts: 'http://127.0.0.1:4005/graphql',
};
const PEER = 'Hive Gateway 2.15.1';
const CATALOG =
  'query($unit: ID!, $after: String) { powers(unit: $unit, first: 20, after: $after) { totalCount edges { node { id code name category legalBasis } } pageInfo { endCursor hasNextPage } } }';
const LOOKUP =
  'query($n: String!, $q: String!) { caseProgress(number: $n, queryCode: $q) { number status powerName currentStep steps { stepNo name state finishedAt } } }';

const log = (s: string) => process.stdout.write(`${s}\n`);
const asker =
  (url: string): Ask =>
  (query, variables, token) =>
    graphqlExchange(url, query, variables, { authorization: `Bearer ${token}` });

async function main(): Promise<void> {
  const o = parseBenchOptions(process.argv.slice(2));
  await assertPortsFree([4000, 4001, 4002, 4003, 4004, 4005, 4100, 4200]);
  const env = o.quick ? smallCityEnv() : process.env;
  if (o.quick) await ensureSmallCity(env, log);
  const teardown = new Teardown(log);
  try {
    const dataset = await openCityDataset(env, log);
    teardown.add('drop the copy', () => dataset.close());
    log(`dataset: ${JSON.stringify(dataset.summary)}`);
    log(`month: ${dataset.month}; filers: ${dataset.filers.length}, lookups: ${dataset.lookups.length}`);
    // Other work on the machine skews every figure: say how much there was before we started.
    const idle = cpuSeconds();
    await new Promise((r) => setTimeout(r, 3000));
    const background = cpuShare(idle, cpuSeconds(), 3)['postgres and the rest'] ?? 0;
    log(`cores busy outside the benchmark before it started: ${background}`);
    // Background jobs off, the trace checkpoints too (their cost is measured apart: npm run build,
    // then node test/dist/bench/checkpoint.bench.js).
    const stack = await startLocalStack(
      {
        DATABASE_URL: dataset.databaseUrl,
        CARD_SCHEDULER_INTERVAL_MS: '0',
        COMPLAINT_CLOCK_INTERVAL_MS: '0',
        TRACE_CHECKPOINT_INTERVAL_MS: '0',
      },
      dataset.dataDir,
    );
    teardown.add('stop the stack', () => stack.stop());

    const secrets = loadSecrets(loadPlatformConfig({ ...process.env, DATA_DIR: dataset.dataDir }));
    const tokens = new TokenService(secrets.tokenSecret, secrets.internalSecret);
    const city = dataset.city;
    const inspectors = cityInspectors(tokens, city);
    const token = await tokens.issue(inspectors.principal);
    const vars = monthVariables(dataset.month);
    const ours = asker(stack.gatewayUrl);
    const post = (query: string, variables: Record<string, unknown>, t?: string) =>
      graphqlPost<Record<string, unknown>>(
        stack.gatewayUrl,
        query,
        variables,
        t ? { authorization: `Bearer ${t}` } : {},
      );
    const results: LoadResult[] = [];
    const cache: Record<string, string> = {};
    const keep = (name: string, s: CacheScenario): LoadResult => {
      cache[name] = s.statuses.available
        ? s.statuses.toString()
        : 'not available (no extensions.cacheStatus in the answers)';
      results.push(s.result);
      return s.result;
    };

    // The city dashboard: cold, warm, straight from the subgraphs, by SQL alone. One warm-up
    // each first, so that query plans and the services' peer caches are built.
    const dashboard = cityDashboardQuery(city);
    const direct = directDashboard(SUBGRAPH_URLS, tokens, inspectors.principal, city);
    const floor = await sqlFloor(dataset.databaseUrl, inspectors.principal, city, () => new Date());
    await ours(dashboard, vars, token);
    await direct(vars);
    await floor.run(vars);
    log('dashboard cold, one fresh scope after another…');
    const coldOne = keep(
      'cold, one at a time',
      await coldSequential(ours, inspectors.fresh, dashboard, vars, o.coldSamples),
    );
    log('dashboard cold, bursts on one fresh scope…');
    const burst = keep(
      'cold burst',
      await coldBurst(ours, inspectors.fresh, dashboard, vars, o.coldBursts, o.dashboardClients),
    );
    log('dashboard warm…');
    const warm = keep(
      'warm',
      await warmLoad(
        'city dashboard, gateway, warm (one token)',
        ours,
        token,
        dashboard,
        vars,
        o.dashboardClients,
        o.seconds,
      ),
    );
    log('dashboard straight from the subgraphs…');
    const dir = await runLoad('city dashboard, direct subgraphs', o.dashboardClients, o.seconds, (time) =>
      time(() => direct(vars)).then(() => undefined),
    );
    log('dashboard by SQL alone…');
    const sql = await runLoad('city dashboard, SQL floor', o.dashboardClients, o.seconds, (time) =>
      time(() => floor.run(vars)).then(() => undefined),
    );
    results.push(dir, sql);
    await floor.close();
    const bigScreenQuery = cityBigScreenQuery(city);
    await ours(bigScreenQuery, vars, token);
    log('big screen (headline figures only)…');
    const bigScreen = keep(
      'big screen, warm',
      await warmLoad(
        'city big screen (headline figures), gateway, warm',
        ours,
        token,
        bigScreenQuery,
        vars,
        o.dashboardClients,
        o.seconds,
      ),
    );

    // The same dashboard on a peer gateway and on ours without the cache, over the same
    // subgraphs, alternated with ours.
    let compared: PeerComparison | undefined;
    let peerError = '';
    let comparedMemory: Record<string, number> = {};
    try {
      log(`${PEER} and our gateway without the cache on the same subgraphs…`);
      const hive = await startPeerGateway(dataset.dataDir);
      teardown.add('stop the peer', () => hive.stop());
      const uncached = await startUncachedGateway(dataset.dataDir, dataset.databaseUrl);
      teardown.add('stop our uncached gateway', () => uncached.stop());
      const rivals = [
        { name: PEER, ask: asker(hive.url) },
        { name: 'ours, cache off', ask: asker(uncached.url) },
      ];
      compared = await compareWithPeer({
        ours,
        rivals,
        token,
        fresh: inspectors.fresh,
        query: dashboard,
        variables: vars,
        rounds: o.peerRounds,
        seconds: o.peerSeconds,
        clients: o.dashboardClients,
        log,
      });
      comparedMemory = peakMemory();
      await Promise.all([hive.stop(), uncached.stop()]);
      results.push(compared.ours.warm, compared.ours.cold, ...compared.rivals.map((r) => r.result));
      cache['warm, in rounds'] = compared.statuses.warm.toString();
      cache['cold, fresh scope per request, in rounds'] = compared.statuses.cold.toString();
    } catch (e) {
      peerError = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      log(`peer not measured: ${peerError}`);
    }

    log('catalog pages…');
    const catalog = await runLoad('county catalog page (public)', o.dashboardClients, o.seconds, async (time, c) => {
      const unit = dataset.counties[c % dataset.counties.length]!;
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const r = (await time(() => post(CATALOG, { unit, after }))) as {
          powers: { pageInfo: { endCursor: string | null; hasNextPage: boolean } };
        };
        if (!r.powers.pageInfo.hasNextPage) break;
        after = r.powers.pageInfo.endCursor;
      }
    });
    let next = 0;
    log('public lookups…');
    const lookup = await runLoad('public progress lookup', o.lookupClients, o.seconds, async (time) => {
      const s = dataset.lookups[next++ % dataset.lookups.length]!;
      await time(() => post(LOOKUP, { n: s.number, q: s.queryCode }));
    });
    results.push(catalog, lookup);

    const filings = await prepareFilings(post, tokens, dataset);
    log(`freshness: ${o.filings} filings, each watched on the dashboard and on a live screen…`);
    const freshness = await measureFreshness({
      gatewayUrl: stack.gatewayUrl,
      ask: ours,
      token,
      city,
      filings: o.filings,
      fileOne: filings.fileOne,
    });
    log('filing mix…');
    const filing = await runLoad('filing mix (mutations)', o.filingClients, o.seconds, filings.mix);
    results.push(filing);

    const memoryMiB = { ...comparedMemory, ...peakMemory() };
    const nodeMemoryMiB = Object.fromEntries(
      Object.entries(memoryMiB).filter(
        ([k]) => !k.startsWith('postgres') && k !== 'hive peer' && k !== 'gateway, cache off',
      ),
    );
    const hive = compared?.rivals.find((r) => r.name === PEER)?.result;
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const report: BenchReport = {
      at: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      mode: o.quick ? 'quick' : 'city',
      month: dataset.month,
      background,
      dataset: dataset.summary,
      scenarios: results,
      cache,
      freshness,
      peers: compared
        ? compared.rivals.map((r) => ({ name: r.name, sameData: r.sameData }))
        : { unavailable: peerError },
      ratios: {
        'warm ÷ direct (p50)': ratio(warm.p50, dir.p50),
        'cold one at a time ÷ direct (p50)': ratio(coldOne.p50, dir.p50),
        'direct ÷ SQL floor (p50)': ratio(dir.p50, sql.p50),
        ...(compared && hive
          ? {
              'ours cold ÷ peer (p95)': ratio(compared.ours.cold.p95, hive.p95),
              'ours warm ÷ peer (p95)': ratio(compared.ours.warm.p95, hive.p95),
              'ours cold ÷ peer (req/s)': ratio(compared.ours.cold.rps, hive.rps),
            }
          : {}),
      },
      memoryMiB,
      targets: judgeTargets({
        clients: o.dashboardClients,
        warm,
        coldSequential: coldOne,
        coldBurst: burst,
        ...(compared && hive ? { oursCold: compared.ours.cold, peer: hive } : {}),
        peerName: PEER,
        bigScreen,
        catalog,
        lookup,
        filing,
        freshness,
        nodeMemoryMiB,
      }),
    };
    const files = writeReport(RESULTS, o.quick ? 'city-bench-quick' : 'city-bench', report);
    log(`\n${markdown(report)}\nwrote ${files.json} and ${files.md}`);
  } finally {
    await teardown.run();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
