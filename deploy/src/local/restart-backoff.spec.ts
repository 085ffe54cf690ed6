import { RestartBackoff } from './restart-backoff';

describe('RestartBackoff', () => {
  it('doubles from 1 s up to 30 s while the service keeps crashing', () => {
    const backoff = new RestartBackoff();
    expect([0, 0, 0, 0, 0, 0, 0, 0].map(() => backoff.next(0))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('starts again from 1 s after the service stayed up a minute', () => {
    const backoff = new RestartBackoff();
    backoff.next(0);
    backoff.next(5000);
    expect(backoff.next(59_999)).toBe(4000);
    expect(backoff.next(60_000)).toBe(1000);
    expect(backoff.next(0)).toBe(2000);
  });
});
