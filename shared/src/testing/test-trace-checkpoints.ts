import type { DataSource } from 'typeorm';
import { createLogger } from '../logging/logger';
import { SigningKey } from '../transparency/signing-key';
import { startTraceCheckpoints, type StartTraceCheckpointsOptions } from '../transparency/start-trace-checkpoints';
import type { TraceLogName } from '../transparency/trace-checkpoint';

/**
 * A service's checkpoint log over a test database: fresh keys (`<log>-log` and `supervision`, none
 * from disk) and no timer, so a test publishes by hand through the log or the returned job.
 */
export function startTestTraceCheckpoints(
  log: TraceLogName,
  tables: StartTraceCheckpointsOptions['tables'],
  dataSource: DataSource,
): ReturnType<typeof startTraceCheckpoints> {
  return startTraceCheckpoints({
    log,
    tables,
    dataSource,
    logger: createLogger(`${log}-test`),
    keys: { log: SigningKey.generate(`${log}-log`), supervision: SigningKey.generate('supervision') },
    intervalMs: 0,
  });
}
