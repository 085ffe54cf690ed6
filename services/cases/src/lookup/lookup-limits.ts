/**
 * How often the public lookup (case number + query code) may fail before it waits. Failures are
 * counted per case number and client address, so an attacker hammering a case from their address
 * slows only themselves, never the owner at another address; and per client across all numbers,
 * so no address can walk through many cases. Kept in the database (`lookup_attempt`), so every
 * instance of the service shares the counts.
 *
 * Failures refused while waiting are not counted: hammering one case earns about ten failures in a
 * budget window (5 free, then waits of 30 s, 1, 2, 4 and 8 min), so it cannot spend the address's
 * budget and lock out other owners behind the same address (a hall's terminal, an office's NAT).
 */
export const LOOKUP_LIMITS = {
  /** Failures on one case from one client before the backoff starts. */
  freeFailuresPerCase: 5,
  /** The first wait after the free failures, doubled by each failure after it. */
  backoffBaseSeconds: 30,
  /** The longest wait for one case and client. */
  backoffCapSeconds: 15 * 60,
  /** A case and client pair is forgotten this long after its last failure or wait. */
  caseIdleSeconds: 3600,
  /** Failures one client may make across all numbers per window. */
  clientBudget: 20,
  /** The budget's window, from the window's first failure. */
  clientWindowSeconds: 10 * 60,
} as const;

/** The wait after the `failures`-th failure on one case from one client (0 while still free). */
export function caseBackoffSeconds(failures: number): number {
  const over = failures - LOOKUP_LIMITS.freeFailuresPerCase;
  if (over <= 0) return 0;
  return Math.min(LOOKUP_LIMITS.backoffCapSeconds, LOOKUP_LIMITS.backoffBaseSeconds * 2 ** Math.min(over - 1, 30));
}

/** The counters' keys: one for the case number and client, one for the client alone. */
export function lookupKeys(number: string | null, client: string): { pair: string; client: string } {
  return { pair: `case:${number ?? '-'}|${client}`, client: `client:${client}` };
}
