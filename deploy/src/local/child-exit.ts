import type { ChildProcess } from 'node:child_process';

/** How a process ended: its status, or the signal that killed it. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Whether `child` has ended. A process killed by a signal has `exitCode` null and `signalCode`
 * set, so looking at `exitCode` alone waits forever for an `exit` event that already fired.
 */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves when `child` has ended, at once when it already has. */
export function exitOf(child: ChildProcess): Promise<ExitStatus> {
  if (hasExited(child)) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // A process that could not be spawned emits `error` and never `exit`.
    child.once('error', () => resolve({ code: child.exitCode ?? 1, signal: child.signalCode }));
  });
}

/** Sends SIGTERM, then SIGKILL after `graceMs`; resolves with how `child` ended. */
export async function terminate(child: ChildProcess, graceMs: number): Promise<ExitStatus> {
  if (hasExited(child)) return exitOf(child);
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exitOf(child);
  } finally {
    clearTimeout(force);
  }
}

/** "status 1" or "killed by SIGKILL": for log lines and messages. */
export function describeExit({ code, signal }: ExitStatus): string {
  return signal ? `killed by ${signal}` : `status ${code ?? 'unknown'}`;
}
