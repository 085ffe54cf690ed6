import type { DataSource } from 'typeorm';
import { env, readEnv } from '../config/env-reader';
import { sqlIdentifier } from '../db/sql-identifier';
import type { Logger } from '../logging/logger';
import { SubtreeSums } from './subtree-sums';

/** How a store follows its table. */
export interface SubtreeStoreOptions {
  /** Background refresh period in ms (0: none; reads still catch up). Default `STATS_REFRESH_MS` or 1000. */
  refreshMs?: number;
  /**
   * How stale an answer may be, in ms. 0 (the default, `STATS_MAX_LAG_MS`): every read first
   * catches up with the writes committed before it (one statement reading the changed rows only,
   * shared by all reads waiting at that moment), so a caller sees its own committed write. Above
   * 0, a read within that long of the last catch-up is answered from memory alone.
   */
  maxLagMs?: number;
  logger?: Logger;
}

/**
 * A monthly rollup table (see `monthRollupSql`) held in memory as subtree sums (`SubtreeSums`),
 * kept in step with the table's committed changes.
 *
 * Each read of the table remembers the horizon of its snapshot, `pg_snapshot_xmin`: every
 * transaction it could not see has an id at or above it. The next read takes only the rows with
 * `changed_xid` at or above that horizon (index scan), so a write that commits after a later one
 * is still read, and a row read twice is merely set to the same values again. Rows are never
 * deleted (a rebuild zeroes them), so nothing is missed. Reads are serialised, each applying a
 * newer snapshot than the last.
 */
export class SubtreeStore<M extends string> {
  private sums: SubtreeSums;
  private horizon = '0';
  private readonly table: string;
  private refreshMs = 1000;
  private maxLagMs = 0;
  private logger: Logger | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The read in progress, and the one queued behind it that new callers join until it starts. */
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  /** When the statement of the last completed read was sent (ms). */
  private lastReadAt = -Infinity;

  constructor(
    private readonly dataSource: DataSource,
    table: string,
    readonly measures: readonly M[],
  ) {
    this.table = sqlIdentifier(table, 'rollup table');
    measures.forEach((m) => sqlIdentifier(m, 'rollup measure'));
    this.sums = new SubtreeSums(measures.length);
  }

  /** Reads the whole table, then follows it in the background. Call once, before serving. */
  async start(options: SubtreeStoreOptions = {}): Promise<void> {
    const e = readEnv({ STATS_REFRESH_MS: env.int(1000, 0, 60_000), STATS_MAX_LAG_MS: env.int(0, 0, 60_000) });
    this.refreshMs = options.refreshMs ?? e.STATS_REFRESH_MS;
    this.maxLagMs = options.maxLagMs ?? e.STATS_MAX_LAG_MS;
    this.logger = options.logger;
    const started = Date.now();
    await this.catchUp();
    this.logger?.info('subtree sums built', { table: this.table, rows: this.sums.rows, ms: Date.now() - started });
    if (this.refreshMs > 0) {
      this.timer = setInterval(() => {
        this.catchUp().catch((e: unknown) =>
          this.logger?.warn('subtree sums refresh failed', {
            table: this.table,
            error: e instanceof Error ? e.message : String(e),
          }),
        );
      }, this.refreshMs);
      this.timer.unref();
    }
  }

  /** Stops following the table (waits for a read in progress). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([this.running, this.queued]);
  }

  /**
   * The sums, current as of the options' `maxLagMs`: by default they include every write
   * committed before this call.
   */
  async current(): Promise<SubtreeSums> {
    if (this.maxLagMs === 0 || Date.now() - this.lastReadAt > this.maxLagMs) await this.catchUp();
    return this.sums;
  }

  /** Reads what changed since the last read, with a snapshot taken after this call. */
  catchUp(): Promise<void> {
    // A queued read has not sent its statement yet, so its snapshot will be later than this call.
    // It starts on the next turn of the event loop, so the loaders of one request share it.
    if (this.queued) return this.queued;
    const queued = (this.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        this.queued = undefined;
        const run = this.read();
        this.running = run;
        return run.finally(() => {
          if (this.running === run) this.running = undefined;
        });
      });
    this.queued = queued;
    return queued;
  }

  private async read(): Promise<void> {
    const sentAt = Date.now();
    // The changed rows travel as one text value (unit,month,measures… separated by spaces): at
    // start-up, tens of thousands of rows arrive several times faster than as result rows.
    const [result] = (await this.dataSource.query(
      `WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon)
       SELECT h.horizon::text AS horizon,
              (SELECT string_agg(concat_ws(',', r.unit_code, extract(year FROM r.month)::int * 12 + extract(month FROM r.month)::int - 1, ${this.measures.map((m) => `r.${m}`).join(', ')}), ' ')
                 FROM ${this.table} r WHERE r.changed_xid >= $1::xid8) AS changed
         FROM h`,
      [this.horizon],
    )) as { horizon: string; changed: string | null }[];
    const values = new Float64Array(this.measures.length);
    for (const row of result!.changed ? result!.changed.split(' ') : []) {
      const fields = row.split(',');
      for (let i = 0; i < values.length; i++) values[i] = Number(fields[i + 2]);
      this.sums.set(fields[0]!, Number(fields[1]), values);
    }
    this.horizon = result!.horizon;
    this.lastReadAt = sentAt;
  }
}
