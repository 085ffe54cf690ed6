/** When repeated sign-in failures slow down and lock (README: "Security model"). */
export interface LockoutPolicy {
  /** Failures of one account before it is locked. */
  accountLockAfter: number;
  /** Failures from one client address before it is locked (higher: offices share an address). */
  clientLockAfter: number;
  /** How long a lock lasts, and how long failures are remembered. */
  lockMs: number;
  /** From this many failures of an account on, each failed answer waits `slowMs × 2^(n − slowAfter)`, at most 2 s. */
  slowAfter: number;
  slowMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = {
  accountLockAfter: 5,
  clientLockAfter: 20,
  lockMs: 15 * 60_000,
  slowAfter: 3,
  slowMs: 250,
};

/** How long the answer to the `failures`-th failure of an account waits. */
export function slowDownMs(policy: LockoutPolicy, failures: number): number {
  if (failures < policy.slowAfter) return 0;
  return Math.min(2000, policy.slowMs * 2 ** (failures - policy.slowAfter));
}
