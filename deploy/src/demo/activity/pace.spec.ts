import { Random } from '../../generate/random';
import { Pace } from './pace';

describe('Pace', () => {
  it('waits between half and one and a half intervals, the interval on average, never in step', () => {
    const pace = new Pace(Random.fork(1, 'pace'), 15_000);
    const waits = Array.from({ length: 4000 }, () => pace.nextAction());
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(7_500);
    expect(Math.max(...waits)).toBeLessThanOrEqual(22_500);
    const mean = waits.reduce((a, b) => a + b, 0) / waits.length;
    expect(Math.abs(mean - 15_000)).toBeLessThan(300); // four actions a minute
    expect(new Set(waits).size).toBeGreaterThan(3000);
  });

  it('is the same for the same seed', () => {
    const draw = (seed: number) => {
      const pace = new Pace(Random.fork(seed, 'pace'), 1000);
      return Array.from({ length: 20 }, () => pace.nextAction());
    };
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
  });

  it('backs off 1 s, 2 s, 4 s … up to 30 s (±20 %) while unanswered, and starts over once answered', () => {
    const pace = new Pace(Random.fork(1, 'pace'), 15_000);
    const waits = Array.from({ length: 8 }, () => pace.nextRetry());
    [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000].forEach((base, i) => {
      expect(waits[i]).toBeGreaterThanOrEqual(base * 0.8);
      expect(waits[i]).toBeLessThanOrEqual(base * 1.2);
    });
    pace.answered();
    expect(pace.nextRetry()).toBeLessThanOrEqual(1200);
  });

  it('backs off from the pace itself when it is faster than a second', () => {
    const pace = new Pace(Random.fork(1, 'pace'), 20);
    expect(pace.nextRetry()).toBeLessThanOrEqual(24);
  });
});
