/** How long and how wide `npm run bench` measures; `--quick` is the ~2-minute run on the small city. */
export interface BenchOptions {
  quick: boolean;
  /** Seconds per load scenario (BENCH_SECONDS). */
  seconds: number;
  dashboardClients: number;
  filingClients: number;
  lookupClients: number;
  /** Sequential first requests of fresh scopes. */
  coldSamples: number;
  /** Bursts of `dashboardClients` first requests of one fresh scope each. */
  coldBursts: number;
  /** Rounds alternating our gateway and the peer, and seconds per contestant per round. */
  peerRounds: number;
  peerSeconds: number;
  /** Filings whose way to the dashboard and the live screen is timed. */
  filings: number;
}

const USAGE = 'usage: npm run bench [-- --quick]';

export function parseBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  for (const a of argv) if (a !== '--quick') throw new Error(`unknown option ${a}\n${USAGE}`);
  const quick = argv.includes('--quick');
  const num = (name: string, fallback: number) => {
    const v = Number(env[name] ?? fallback);
    if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
    return v;
  };
  const seconds = num('BENCH_SECONDS', quick ? 5 : 20);
  return {
    quick,
    seconds,
    dashboardClients: num('BENCH_DASHBOARD_CLIENTS', 20),
    filingClients: num('BENCH_FILING_CLIENTS', 32),
    lookupClients: num('BENCH_LOOKUP_CLIENTS', 32),
    coldSamples: quick ? 5 : 10,
    coldBursts: quick ? 2 : 3,
    peerRounds: quick ? 2 : 3,
    peerSeconds: quick ? Math.min(seconds, 5) : 15,
    filings: quick ? 8 : 15,
  };
}
