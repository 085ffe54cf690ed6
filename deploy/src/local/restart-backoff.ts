/** How a crashed service's restarts are spaced. */
export interface BackoffSettings {
  /** The wait before the first restart. */
  initialMs: number;
  /** The longest wait; each crash in a row doubles the last one up to here. */
  maxMs: number;
  /** A service that stayed up this long before it crashed starts again from `initialMs`. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { initialMs: 1000, maxMs: 30_000, resetAfterMs: 60_000 };

/**
 * The waits before restarting one service: 1 s, 2 s, 4 s … up to 30 s while it keeps crashing;
 * back to 1 s once it has stayed up a minute. Pure: the caller says how long the service was up.
 */
export class RestartBackoff {
  private crashesInRow = 0;

  constructor(private readonly settings: BackoffSettings = DEFAULT_BACKOFF) {}

  /** The wait before the next start of a service that crashed after running healthy `upMs` (0: never healthy). */
  next(upMs: number): number {
    if (upMs >= this.settings.resetAfterMs) this.crashesInRow = 0;
    const delay = Math.min(this.settings.maxMs, this.settings.initialMs * 2 ** Math.min(this.crashesInRow, 30));
    this.crashesInRow += 1;
    return delay;
  }
}
