import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

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
