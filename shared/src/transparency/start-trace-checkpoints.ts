import path from 'node:path';
import type { DataSource } from 'typeorm';
import { env, readEnv } from '../config/env-reader';
import { loadPlatformConfig } from '../config/platform-config';
import type { Logger } from '../logging/logger';
import { loadCheckpointKeys, type CheckpointKeys } from './checkpoint-keys';
import { SupervisionWitness } from './supervision-witness';
import type { TraceLogName } from './trace-checkpoint';
import { TraceCheckpointJob } from './trace-checkpoint-job';
import { TraceCheckpointLog } from './trace-checkpoint-log';

/** What a service passes to run its checkpoint log. */
export interface StartTraceCheckpointsOptions {
  log: TraceLogName;
  /** The tables of its `chainedTrace`. */
  tables: { ownerTable: string; eventTable: string; ownerColumn: string };
  dataSource: DataSource;
  logger: Logger;
  /** Keys to use instead of `DATA_DIR/keys` (tests). */
  keys?: CheckpointKeys;
  /** Instead of `TRACE_CHECKPOINT_INTERVAL_MS`; 0 runs no job (the log still verifies). */
  intervalMs?: number;
}

/**
 * A service's checkpoint log and its job: keys from `DATA_DIR/keys` (created on first start), a
 * checkpoint every `TRACE_CHECKPOINT_INTERVAL_MS` (default 60 000; 0 turns the job off) when any
 * chain's head moved. The supervision witness runs in-process here, the seam where a separate
 * supervising office would answer instead; it keeps its last countersigned checkpoint per log and
 * database in `DATA_DIR/keys/supervision-<log>@<database id>.last.json`.
 */
export function startTraceCheckpoints(o: StartTraceCheckpointsOptions): {
  log: TraceCheckpointLog;
  job: TraceCheckpointJob;
  stop(): Promise<void>;
} {
  const e = readEnv({ TRACE_CHECKPOINT_INTERVAL_MS: env.int(60_000, 0, 24 * 3600 * 1000) });
  const dataDir = o.keys ? undefined : loadPlatformConfig().dataDir;
  const keys = o.keys ?? loadCheckpointKeys(dataDir!, o.log);
  // The witness remembers the last checkpoint it countersigned beside the keys, outside the database.
  const witness = new SupervisionWitness(
    keys.supervision,
    [keys.log],
    dataDir ? (ledger) => path.join(dataDir, 'keys', `supervision-${ledger}.last.json`) : undefined,
  );
  const log = new TraceCheckpointLog(o.dataSource, { log: o.log, ...o.tables, keys, witness });
  const logger = o.logger.child({ job: 'trace-checkpoint' });
  const job = new TraceCheckpointJob(log, logger);
  const interval = o.intervalMs ?? e.TRACE_CHECKPOINT_INTERVAL_MS;
  if (interval > 0) job.start(interval);
  logger.info('trace checkpoints', {
    log: o.log,
    intervalMs: interval,
    logKeyId: keys.log.id,
    supervisionKeyId: keys.supervision.id,
  });
  return { log, job, stop: () => job.stop() };
}

/** The checkpoint settings a subgraph's `overrides` may replace (tests). */
export interface TraceCheckpointOverrides {
  /** Keys to use instead of `DATA_DIR/keys`. */
  checkpointKeys?: CheckpointKeys;
  /** Instead of `TRACE_CHECKPOINT_INTERVAL_MS`; 0 runs no job. */
  checkpointIntervalMs?: number;
}

/**
 * {@link startTraceCheckpoints} as a subgraph's `prepare` runs it: the service's log and tables on
 * the prepared data source and logger, with whatever of keys and interval its `overrides` replace.
 */
export function startSubgraphTraceCheckpoints(
  log: TraceLogName,
  tables: StartTraceCheckpointsOptions['tables'],
  prepared: { dataSource: DataSource; logger: Logger },
  overrides: TraceCheckpointOverrides,
): ReturnType<typeof startTraceCheckpoints> {
  return startTraceCheckpoints({
    log,
    tables,
    dataSource: prepared.dataSource,
    logger: prepared.logger,
    ...(overrides.checkpointKeys ? { keys: overrides.checkpointKeys } : {}),
    ...(overrides.checkpointIntervalMs !== undefined ? { intervalMs: overrides.checkpointIntervalMs } : {}),
  });
}
