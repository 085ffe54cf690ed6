import fs from 'node:fs';
import path from 'node:path';
import type { Freshness, FreshnessResult } from './freshness';
import type { LoadResult } from './load-runner';
import type { Target } from './targets';

/** What `npm run bench` writes. */
export interface BenchReport {
  at: string;
  machine: string;
  mode: 'city' | 'quick';
  /** The month the dashboards ask for: the last whole month of the data. */
  month: string;
  /** Cores other work on the machine kept busy in the 3 s before the stack started. */
  background: number;
  dataset: Record<string, unknown>;
  scenarios: LoadResult[];
  /** `extensions.cacheStatus` counts per scenario, or why there were none. */
  cache: Record<string, string>;
  freshness: FreshnessResult;
  /** The gateways compared with ours, and whether one answer's data from each equals ours. */
  peers: { name: string; sameData: string }[] | { unavailable: string };
  ratios: Record<string, number>;
  memoryMiB: Record<string, number>;
  targets: Target[];
}

function freshnessRow(name: string, f: Freshness): string {
  if ('unavailable' in f) return `| ${name} | not available: ${f.unavailable.slice(0, 100)} | | | | |`;
  return `| ${name} | ${f.seen + f.missed} | ${f.p50} | ${f.p95} | ${f.max} | ${f.missed} |`;
}

/** The markdown tables the closing note quotes. */
export function markdown(r: BenchReport): string {
  const rows = r.scenarios.map(
    (s) =>
      `| ${s.scenario} | ${s.clients} | ${s.requests} | ${s.rps} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.errors}${s.firstError ? ` (${s.firstError.slice(0, 60)})` : ''} |`,
  );
  return [
    `City benchmark (${r.mode}), ${r.at}, ${r.machine}`,
    '',
    `Dataset (a copy, dropped afterwards): ${Object.entries(r.dataset)
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ')}`,
    '',
    `Dashboards ask for ${r.month}, the last whole month of the data. Cores busy outside the benchmark before it started: ${r.background}.`,
    '',
    '| scenario | clients | requests | req/s | p50 ms | p95 ms | p99 ms | errors |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Response cache (`extensions.cacheStatus` per answer):',
    '',
    ...Object.entries(r.cache).map(([k, v]) => `- ${k}: ${v}`),
    '',
    `Freshness over ${r.freshness.filings} filings, one at a time (ms from fileCase returning):`,
    '',
    '| commit → | filings | p50 ms | p95 ms | max ms | not shown in 10 s |',
    '|---|---|---|---|---|---|',
    freshnessRow('city dashboard, polled every 100 ms by a warm client', r.freshness.dashboard),
    freshnessRow('live screen (dashboardUpdated subscription)', r.freshness.liveScreen),
    '',
    'unavailable' in r.peers
      ? `Compared gateways: not measured (${r.peers.unavailable})`
      : `Compared gateways (same supergraph and subgraphs, each its own process), one answer's data against ours: ${r.peers.map((p) => `${p.name} ${p.sameData}`).join('; ')}.`,
    '',
    'Cores busy per process during each scenario (1.0 = one core all the time):',
    '',
    ...r.scenarios.map(
      (s) =>
        `- ${s.scenario}: ${Object.entries(s.cpu)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
    ),
    '',
    `Ratios (same run): ${Object.entries(r.ratios)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
    `Peak memory (MiB): ${Object.entries(r.memoryMiB)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...r.targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : 'NO'} |`),
    '',
  ].join('\n');
}

/** Writes `<dir>/<name>.json` and `<dir>/<name>.md`; returns their paths. */
export function writeReport(dir: string, name: string, r: BenchReport): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `${name}.json`);
  const md = path.join(dir, `${name}.md`);
  fs.writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  fs.writeFileSync(md, markdown(r));
  return { json, md };
}
