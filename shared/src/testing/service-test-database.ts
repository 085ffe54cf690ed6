import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { countRows } from './count-rows';

/** What every service's test database offers besides the services under test. */
export interface ServiceTestDatabase {
  ds: DataSource;
  /** A fresh idempotency key. */
  key(): string;
  /** Runs a `SELECT count(*) …` and returns the number. */
  count(sql: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * Fresh idempotency keys for a test database: `<prefix>-1-<8 random hex>`, `<prefix>-2-…`, unique
 * across the runs that share a PostgreSQL.
 */
export function idempotencyKeys(prefix: string): () => string {
  let keys = 0;
  return () => `${prefix}-${++keys}-${randomUUID().slice(0, 8)}`;
}

/**
 * The common part of a service's test database over an opened throwaway database: its data
 * source, fresh keys under `keyPrefix`, counts, and closing it.
 */
export function serviceTestDatabase(
  db: { dataSource: DataSource; close(): Promise<void> },
  keyPrefix: string,
): ServiceTestDatabase {
  return {
    ds: db.dataSource,
    key: idempotencyKeys(keyPrefix),
    count: (sql, params) => countRows(db.dataSource, sql, params),
    close: () => db.close(),
  };
}
