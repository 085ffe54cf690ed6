import type { SeededRandom } from '@sunlight/shared';

/**
 * The waits of the simulator. Between actions: the mean interval, jittered uniformly between half
 * and one and a half times it, so the mean holds and no two runs tick in step. While the gateway
 * is unreachable: 1 s, 2 s, 4 s … up to 30 s (never shorter than the pace itself asks), each
 * jittered by ±20 %, back to the start after the first answer.
 */
export class Pace {
  private failuresInRow = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly intervalMs: number,
    private readonly backoff = { initialMs: Math.min(1000, intervalMs), maxMs: 30_000 },
  ) {}

  /** The wait before the next action. */
  nextAction(): number {
    return Math.round(this.intervalMs * (0.5 + this.random.next()));
  }

  /** The wait before retrying a request the gateway did not answer. */
  nextRetry(): number {
    const base = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** Math.min(this.failuresInRow, 30));
    this.failuresInRow += 1;
    return Math.round(base * (0.8 + 0.4 * this.random.next()));
  }

  /** The gateway answered: the next outage starts from the shortest wait again. */
  answered(): void {
    this.failuresInRow = 0;
  }
}
