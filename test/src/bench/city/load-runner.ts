import { Latency } from '../latency';
import { cpuSeconds, cpuShare } from './memory';

/** Figures of one scenario. */
export interface LoadResult {
  scenario: string;
  clients: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** The first error message, to say what failed. */
  firstError: string | null;
  /** Cores each process kept busy during the run (1 = one core all the time). */
  cpu: Record<string, number>;
}

/** Times one request of a scenario; a throw counts as an error (and its time is not a sample). */
export type Timer = <T>(request: () => Promise<T>) => Promise<T>;

/**
 * Runs `clients` loops of `iteration` for `seconds` (bounded: no loop starts a new iteration after
 * the deadline). An iteration may make several requests, each through `time`.
 */
export async function runLoad(scenario: string, clients: number, seconds: number, iteration: (time: Timer, client: number) => Promise<void>): Promise<LoadResult> {
  const latency = new Latency();
  let errors = 0;
  let firstError: string | null = null;
  const time: Timer = async (request) => {
    const t0 = performance.now();
    try {
      const r = await request();
      latency.add(performance.now() - t0);
      return r;
    } catch (e) {
      errors += 1;
      firstError ??= e instanceof Error ? e.message : String(e);
      throw e;
    }
  };
  const cpuBefore = cpuSeconds();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < deadline) {
        await iteration(time, c).catch(() => undefined);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    scenario,
    clients,
    seconds: r1(elapsed),
    requests: latency.count,
    rps: r1(latency.count / elapsed),
    p50: r1(latency.percentile(50)),
    p95: r1(latency.percentile(95)),
    p99: r1(latency.percentile(99)),
    errors,
    firstError,
    cpu: cpuShare(cpuBefore, cpuSeconds(), elapsed),
  };
}
