import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform's own tables, created in every service's schema by that service's first
 * migration: idempotency keys, the transactional outbox with its consumers' cursors, and the
 * inbox a consumer uses to drop events it has already handled.
 */
export class PlatformTables1763769600000 implements MigrationInterface {
  name = 'PlatformTables1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        subject text NOT NULL,
        key text NOT NULL,
        operation text NOT NULL,
        request_hash text NOT NULL,
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject, key)
      )`);
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        topic text NOT NULL,
        unit_code char(12),
        aggregate_id text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX outbox_txid_id ON outbox (txid, id)');
    await q.query(`
      CREATE TABLE outbox_cursor (
        consumer text NOT NULL,
        source text NOT NULL,
        last_txid xid8 NOT NULL DEFAULT '0',
        last_id bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, source)
      )`);
    await q.query(`
      CREATE TABLE inbox (
        consumer text NOT NULL,
        source text NOT NULL,
        event_id bigint NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, source, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inbox');
    await q.query('DROP TABLE outbox_cursor');
    await q.query('DROP TABLE outbox');
    await q.query('DROP TABLE idempotency_key');
  }
}
