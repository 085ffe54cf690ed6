import { requestScope } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { toCaseRow, type CaseRow } from '../case/case-row';
import { caseBackoffSeconds, LOOKUP_LIMITS } from './lookup-limits';

/** What one lookup reads first: the waits its counters impose and the case with that number. */
export interface LookupStart {
  /** Failures on record for this case number from this client. */
  pairFailures: number;
  pairBlockedUntil: Date | null;
  clientBlockedUntil: Date | null;
  row: CaseRow | null;
}

/** Expired counters removed by each failure, at most (the scheduler sweeps the rest). */
const SWEEP = 50;

/** The lookup's reads and its failure counters (`lookup_attempt`), outside any transaction. */
export const caseLookupRepository = {
  /** The counters of the pair and the client, and the case numbered `number` (none for null), in one statement. */
  async start(
    ds: DataSource,
    keys: { pair: string; client: string },
    number: string | null,
    now: Date,
  ): Promise<LookupStart> {
    // The public has no scope: the case is found by its number here and shown only if the code matches.
    const [row]: Record<string, unknown>[] = await requestScope.asSystem(() =>
      ds.query(
        `SELECT coalesce(p.failures, 0) AS lookup_pair_failures, p.blocked_until AS lookup_pair_blocked,
              k.blocked_until AS lookup_client_blocked, c.*
         FROM (SELECT 1) one
         LEFT JOIN lookup_attempt p ON p.key = $1 AND p.expires_at > $4
         LEFT JOIN lookup_attempt k ON k.key = $2 AND k.expires_at > $4
         LEFT JOIN "case" c ON c.number = $3`,
        [keys.pair, keys.client, number, now],
      ),
    );
    return {
      pairFailures: row!['lookup_pair_failures'] as number,
      pairBlockedUntil: (row!['lookup_pair_blocked'] as Date | null) ?? null,
      clientBlockedUntil: (row!['lookup_client_blocked'] as Date | null) ?? null,
      row: row!['id'] ? toCaseRow(row!) : null,
    };
  },

  /**
   * Counts a failure against the pair and the client (an expired counter starts again at 1), then
   * sets their waits: the pair's doubles past its free failures, the client's lasts to the end of
   * its window once the budget is spent. Sweeps a few expired counters on the way.
   */
  async recordFailure(ds: DataSource, keys: { pair: string; client: string }, now: Date): Promise<void> {
    const counted: { key: string; failures: number; expires_at: Date }[] = await ds.query(
      `WITH swept AS (
         DELETE FROM lookup_attempt WHERE key IN (
           SELECT key FROM lookup_attempt WHERE expires_at < $3 AND key <> $1 AND key <> $2 LIMIT ${SWEEP}))
       INSERT INTO lookup_attempt AS a (key, failures, expires_at)
       VALUES ($1, 1, $3::timestamptz + make_interval(secs => $4)), ($2, 1, $3::timestamptz + make_interval(secs => $5))
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN a.expires_at <= $3 THEN 1 ELSE a.failures + 1 END,
         blocked_until = CASE WHEN a.expires_at <= $3 THEN NULL ELSE a.blocked_until END,
         expires_at = CASE WHEN a.key = $2 AND a.expires_at > $3 THEN a.expires_at ELSE excluded.expires_at END
       RETURNING key, failures, expires_at`,
      [keys.pair, keys.client, now, LOOKUP_LIMITS.caseIdleSeconds, LOOKUP_LIMITS.clientWindowSeconds],
    );
    const waits: { key: string; until: Date; expires: Date }[] = [];
    for (const c of counted) {
      if (c.key === keys.pair) {
        const wait = caseBackoffSeconds(c.failures);
        if (wait > 0) {
          const until = new Date(now.getTime() + wait * 1000);
          waits.push({ key: c.key, until, expires: new Date(until.getTime() + LOOKUP_LIMITS.caseIdleSeconds * 1000) });
        }
      } else if (c.failures >= LOOKUP_LIMITS.clientBudget) {
        waits.push({ key: c.key, until: c.expires_at, expires: c.expires_at });
      }
    }
    if (waits.length === 0) return;
    await ds.query(
      `UPDATE lookup_attempt a
          SET blocked_until = greatest(a.blocked_until, w.until), expires_at = greatest(a.expires_at, w.expires)
         FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS w (key, until, expires)
        WHERE a.key = w.key`,
      [waits.map((w) => w.key), waits.map((w) => w.until), waits.map((w) => w.expires)],
    );
  },

  /** Forgets the pair's failures once its owner gets the code right. */
  async forgetPair(ds: DataSource, pairKey: string): Promise<void> {
    await ds.query('DELETE FROM lookup_attempt WHERE key = $1', [pairKey]);
  },
};
