import type { ChildProcess } from 'node:child_process';
import { describeExit, exitOf, hasExited } from './child-exit';

/** A supervised process ended before it answered its health check. */
export class ServiceExitedError extends Error {
  constructor(
    readonly service: string,
    how: string,
  ) {
    super(`${service} exited during start-up (${how}); see its log above`);
    this.name = 'ServiceExitedError';
  }
}

/**
 * Polls `url` until it answers with a status `up` accepts. Fails at once, naming `service`, when
 * `child` ends, and after `timeoutMs`.
 */
export async function waitForHealth(
  service: string,
  url: string,
  child: ChildProcess,
  up: (status: number) => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new ServiceExitedError(service, describeExit(await exitOf(child)));
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.body?.cancel();
      if (up(res.status)) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service} did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}
