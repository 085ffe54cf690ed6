import type { DataSource } from 'typeorm';
import { toCaseRow, type CaseRow } from '../case/case-row';

/** What one lookup reads first: the client's failures in the window and the case with that number. */
export interface LookupStart {
  failures: number;
  row: CaseRow | null;
}

/** The lookup's reads and its failure counter (`lookup_failure`), outside any transaction. */
export const caseLookupRepository = {
  /** The client's failures in `window` and the case numbered `number` (none for null), in one statement. */
  async start(ds: DataSource, client: string, window: Date, number: string | null): Promise<LookupStart> {
    const [row]: Record<string, unknown>[] = await ds.query(
      `SELECT coalesce(f.failures, 0) AS lookup_failures, c.*
         FROM (SELECT 1) one
         LEFT JOIN lookup_failure f ON f.client = $1 AND f.window_start = $2
         LEFT JOIN "case" c ON c.number = $3`,
      [client, window, number],
    );
    return { failures: row!['lookup_failures'] as number, row: row!['id'] ? toCaseRow(row!) : null };
  },

  async recordFailure(ds: DataSource, client: string, window: Date): Promise<void> {
    await ds.query(
      `INSERT INTO lookup_failure (client, window_start, failures) VALUES ($1, $2, 1)
       ON CONFLICT (client, window_start) DO UPDATE SET failures = lookup_failure.failures + 1`,
      [client, window],
    );
  },
};
