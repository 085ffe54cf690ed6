import type { Freshness, FreshnessResult } from './freshness';
import type { LoadResult } from './load-runner';

export interface Target {
  target: string;
  measured: string;
  met: boolean;
}

/** What the targets are judged on; the peer is absent when it could not be started. */
export interface Measured {
  clients: number;
  warm: LoadResult;
  coldSequential: LoadResult;
  coldBurst: LoadResult;
  oursCold?: LoadResult;
  peer?: LoadResult;
  peerName: string;
  bigScreen: LoadResult;
  catalog: LoadResult;
  lookup: LoadResult;
  filing: LoadResult;
  freshness: FreshnessResult;
  /** Peak MiB of each of our Node processes. */
  nodeMemoryMiB: Record<string, number>;
}

const clean = (r: LoadResult) => r.errors === 0 && r.requests > 0;

function freshnessTarget(name: string, f: Freshness, limitMs: number): Target {
  const target = `commit → ${name} p95 ≤ ${limitMs / 1000} s`;
  if ('unavailable' in f) return { target, measured: `not available (${f.unavailable.slice(0, 80)})`, met: false };
  return {
    target,
    measured: `p50 ${f.p50} ms, p95 ${f.p95} ms${f.missed ? `, ${f.missed} of ${f.seen + f.missed} not shown in 10 s` : ''}`,
    met: f.missed === 0 && f.seen > 0 && f.p95 <= limitMs,
  };
}

/** The read path's targets (issue 17) against a run's figures. */
export function judgeTargets(m: Measured): Target[] {
  const [largest, largestMiB] = Object.entries(m.nodeMemoryMiB).sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  return [
    {
      target: `city dashboard p95 warm ≤ 150 ms at ${m.clients} clients`,
      measured: `${m.warm.p95} ms`,
      met: clean(m.warm) && m.warm.p95 <= 150,
    },
    {
      target: 'city dashboard p95 cold ≤ 1.5 s',
      measured: `${m.coldSequential.p95} ms one at a time, ${m.coldBurst.p95} ms in a burst of ${m.coldBurst.clients}`,
      met: clean(m.coldSequential) && clean(m.coldBurst) && Math.max(m.coldSequential.p95, m.coldBurst.p95) <= 1500,
    },
    m.oursCold && m.peer
      ? {
          target: `city dashboard cold no slower than ${m.peerName} (p95, ${m.clients} clients)`,
          measured: `${m.oursCold.p95} ms vs ${m.peer.p95} ms`,
          met: clean(m.oursCold) && m.oursCold.p95 <= m.peer.p95,
        }
      : { target: 'city dashboard cold no slower than the peer', measured: 'peer not measured', met: false },
    {
      target: 'big screen p95 ≤ 100 ms',
      measured: `${m.bigScreen.p95} ms`,
      met: clean(m.bigScreen) && m.bigScreen.p95 <= 100,
    },
    freshnessTarget('city dashboard', m.freshness.dashboard, 5000),
    freshnessTarget('live screen', m.freshness.liveScreen, 2000),
    {
      target: 'county catalog ≥ 500 pages/s',
      measured: `${m.catalog.rps} pages/s`,
      met: clean(m.catalog) && m.catalog.rps >= 500,
    },
    {
      target: 'public lookup ≥ 1,000 req/s',
      measured: `${m.lookup.rps} req/s`,
      met: clean(m.lookup) && m.lookup.rps >= 1000,
    },
    {
      target: 'filing mix ≥ 300 mutations/s, 0 errors',
      measured: `${m.filing.rps} mutations/s, ${m.filing.errors} errors`,
      met: clean(m.filing) && m.filing.rps >= 300,
    },
    { target: 'every process < 300 MB', measured: `largest: ${largest} ${largestMiB} MiB`, met: largestMiB < 300 },
  ];
}
