import { printReport, rollingRestart } from '../support/rolling-restart';

/**
 * `npm run bench:rolling`: the rolling restart of the e2e spec with more load (BENCH_READERS,
 * BENCH_WRITERS, BENCH_SUBSCRIBERS; 4, 4, 4 by default); prints the counts and exits 1 when
 * a request failed or anything was doubled or lost.
 */
async function main(): Promise<void> {
  const n = (name: string, d: number) => Number(process.env[name] ?? d);
  const r = await rollingRestart({
    readers: n('BENCH_READERS', 4),
    writers: n('BENCH_WRITERS', 4),
    subscribers: n('BENCH_SUBSCRIBERS', 4),
  });
  printReport(r);
  const d = r.database;
  const bad =
    r.reads.failed + r.mutations.failed > 0 ||
    d.cases !== r.mutations.filed ||
    d.alerts !== r.mutations.blocked ||
    d.duplicateAlerts + d.duplicateCards + d.duplicateCardTraces > 0 ||
    r.subscribers.some((s) => s.duplicates + s.outOfOrder + s.missing > 0);
  process.exit(bad ? 1 : 0);
}

void main();
