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

/** Samples and errors of one scenario, possibly gathered over several runs (rounds). */
export class Samples {
  readonly latency = new Latency();
  errors = 0;
  firstError: string | null = null;
  seconds = 0;
  private readonly cpuUsed: Record<string, number> = {};

  readonly time: Timer = async (request) => {
    const t0 = performance.now();
    try {
      const r = await request();
      this.latency.add(performance.now() - t0);
      return r;
    } catch (e) {
      this.errors += 1;
      this.firstError ??= e instanceof Error ? e.message : String(e);
      throw e;
    }
  };

  /** Runs `work`, adding its wall time and the CPU every process used meanwhile. */
  async during(work: () => Promise<void>): Promise<void> {
    const before = cpuSeconds();
    const started = performance.now();
    await work();
    this.seconds += (performance.now() - started) / 1000;
    for (const [k, v] of Object.entries(cpuSeconds())) this.cpuUsed[k] = (this.cpuUsed[k] ?? 0) + v - (before[k] ?? 0);
  }

  result(scenario: string, clients: number): LoadResult {
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const l = this.latency;
    return {
      scenario,
      clients,
      seconds: r1(this.seconds),
      requests: l.count,
      rps: r1(l.count / this.seconds),
      p50: r1(l.percentile(50)),
      p95: r1(l.percentile(95)),
      p99: r1(l.percentile(99)),
      errors: this.errors,
      firstError: this.firstError,
      cpu: cpuShare({}, this.cpuUsed, this.seconds),
    };
  }
}

/**
 * Runs `clients` loops of `iteration` for `seconds` into `samples` (bounded: no loop starts a new
 * iteration after the deadline). An iteration may make several requests, each through `time`.
 */
export async function loadInto(
  samples: Samples,
  clients: number,
  seconds: number,
  iteration: (time: Timer, client: number) => Promise<void>,
): Promise<void> {
  await samples.during(async () => {
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        while (performance.now() < deadline) {
          await iteration(samples.time, c).catch(() => undefined);
        }
      }),
    );
  });
}

/** One scenario: `clients` loops of `iteration` for `seconds`. */
export async function runLoad(
  scenario: string,
  clients: number,
  seconds: number,
  iteration: (time: Timer, client: number) => Promise<void>,
): Promise<LoadResult> {
  const samples = new Samples();
  await loadInto(samples, clients, seconds, iteration);
  return samples.result(scenario, clients);
}
