import fs from 'node:fs';
import path from 'node:path';
import type { LoadResult } from './load-runner';

/** What `npm run bench` writes. */
export interface BenchReport {
  at: string;
  machine: string;
  dataset: Record<string, unknown>;
  scenarios: LoadResult[];
  ratios: { gatewayVsDirect: number; gatewayVsSql: number; directVsSql: number };
  memoryMiB: Record<string, number>;
  targets: { target: string; measured: string; met: boolean }[];
}

/** The markdown table the closing note quotes. */
export function markdown(r: BenchReport): string {
  const rows = r.scenarios.map((s) => `| ${s.scenario} | ${s.clients} | ${s.requests} | ${s.rps} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.errors}${s.firstError ? ` (${s.firstError.slice(0, 60)})` : ''} |`);
  return [
    `City benchmark, ${r.at}, ${r.machine}`,
    '',
    `Dataset: ${Object.entries(r.dataset).map(([k, v]) => `${k} ${String(v)}`).join(', ')}`,
    '',
    '| scenario | clients | requests | req/s | p50 ms | p95 ms | p99 ms | errors |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Cores busy per process during each scenario (1.0 = one core all the time; the machine has 2):',
    '',
    ...r.scenarios.map((s) => `- ${s.scenario}: ${Object.entries(s.cpu).map(([k, v]) => `${k} ${v}`).join(', ')}`),
    '',
    `Ratios (p50, same run): gateway ÷ direct subgraphs ${r.ratios.gatewayVsDirect}, gateway ÷ SQL floor ${r.ratios.gatewayVsSql}, direct ÷ SQL floor ${r.ratios.directVsSql}`,
    '',
    `Peak memory (MiB): ${Object.entries(r.memoryMiB).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...r.targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : 'NO'} |`),
    '',
  ].join('\n');
}

/** Writes `<dir>/city-bench.json` and `<dir>/city-bench.md`; returns their paths. */
export function writeReport(dir: string, r: BenchReport): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'city-bench.json');
  const md = path.join(dir, 'city-bench.md');
  fs.writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  fs.writeFileSync(md, markdown(r));
  return { json, md };
}
