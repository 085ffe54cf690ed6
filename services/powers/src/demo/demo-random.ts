import { hash32, nameUuid, SeededRandom } from '@sunlight/shared';

/** A 32-bit number derived from `parts`, for forking independent random streams. */
export const demoHash32 = hash32;

/**
 * A deterministic UUID (version 5 layout) derived from a stable name, e.g.
 * `demoId('power', unitCode, code)`: the same name always gives the same id.
 */
export function demoId(...parts: Array<string | number>): string {
  return nameUuid('sunlight-demo', ...parts);
}

/** A small seeded PRNG (mulberry32); never Math.random, so a seed fixes the whole output. */
export class DemoRandom extends SeededRandom {
  private state: number;

  constructor(seed: number) {
    super();
    this.state = seed >>> 0;
  }

  /** An independent stream for one purpose, so adding data elsewhere does not shift it. */
  static fork(seed: number, ...purpose: Array<string | number>): DemoRandom {
    return new DemoRandom(demoHash32(seed, ...purpose));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
