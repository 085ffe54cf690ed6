import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lookup failures counted per case number and client (with an exponential wait) and per client
 * (a budget per window), each row expiring, instead of per client alone: an attacker's failures
 * no longer lock the case's owner out.
 */
export class LookupAttempt1766150000000 implements MigrationInterface {
  name = 'LookupAttempt1766150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lookup_attempt (
        key text PRIMARY KEY,
        failures int NOT NULL CHECK (failures > 0),
        blocked_until timestamptz,
        expires_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX lookup_attempt_expiry ON lookup_attempt (expires_at)');
    await q.query('DROP TABLE lookup_failure');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lookup_failure (
        client text NOT NULL,
        window_start timestamptz NOT NULL,
        failures int NOT NULL,
        PRIMARY KEY (client, window_start)
      )`);
    await q.query('DROP TABLE lookup_attempt');
  }
}
