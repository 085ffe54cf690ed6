import { SqlMigration } from '../db/sql-migration';
import { traceCheckpointAppendOnlySql, traceCheckpointTablesSql } from './trace-checkpoint-tables-sql';

/** A service's migration creating its checkpoint tables ({@link traceCheckpointTablesSql}). */
export abstract class TraceCheckpointTablesMigration extends SqlMigration {
  protected upSql(): string[] {
    return traceCheckpointTablesSql.up;
  }

  protected downSql(): string[] {
    return traceCheckpointTablesSql.down;
  }
}

/**
 * A service's migration making its published checkpoints append-only
 * ({@link traceCheckpointAppendOnlySql}): the service's own role may only add and read them.
 */
export abstract class TraceCheckpointAppendOnlyMigration extends SqlMigration {
  protected upSql(): string[] {
    return traceCheckpointAppendOnlySql.up;
  }

  protected downSql(): string[] {
    return traceCheckpointAppendOnlySql.down;
  }
}
