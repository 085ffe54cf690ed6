import { appendOnlySql } from '../trace/append-only-sql';

/**
 * The statements that create a service's checkpoint tables, in its own schema: `trace_checkpoint`,
 * one row per published checkpoint (never updated), and `trace_checkpoint_leaf`, the chain heads
 * as of the latest checkpoint (its leaves, ordered by owner id). Both are only as trustworthy as
 * the signatures: the leaves must rebuild the signed root before anything relies on them.
 */
export const traceCheckpointTablesSql = {
  up: [
    `CREATE TABLE trace_checkpoint (
      id int PRIMARY KEY CHECK (id > 0),
      size int NOT NULL CHECK (size >= 0),
      root_hash char(64) NOT NULL,
      issued_at timestamptz NOT NULL,
      log_key_id text NOT NULL,
      signature text NOT NULL,
      supervision_key_id text NOT NULL,
      cosignature text NOT NULL
    )`,
    `CREATE TABLE trace_checkpoint_leaf (
      owner_id uuid PRIMARY KEY,
      length int NOT NULL CHECK (length >= 0),
      head_hash char(64) NOT NULL
    )`,
  ],
  down: ['DROP TABLE trace_checkpoint_leaf', 'DROP TABLE trace_checkpoint'],
};

/**
 * The statements that make `trace_checkpoint` append-only like the trace itself
 * ({@link appendOnlySql}), and the ones that drop its two triggers again.
 */
export const traceCheckpointAppendOnlySql = {
  up: appendOnlySql('trace_checkpoint'),
  down: [
    'DROP TRIGGER trace_checkpoint_no_truncate ON trace_checkpoint',
    'DROP TRIGGER trace_checkpoint_append_only ON trace_checkpoint',
  ],
};
