import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in (issue 13): an account's post, its password (scrypt, the salt and parameters kept with
 * the hash), failed attempts per account and per client (slow-down then lock), and refresh tokens
 * in families (a reused one revokes its family). Only a SHA-256 of a refresh token is stored.
 */
export class SignIn1766500000000 implements MigrationInterface {
  name = 'SignIn1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE account ADD COLUMN post_id uuid REFERENCES post (id)');
    await q.query(`
      CREATE TABLE account_credential (
        subject text PRIMARY KEY REFERENCES account (subject) ON DELETE CASCADE,
        password_hash text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sign_in_failure (
        key text PRIMARY KEY,
        failures int NOT NULL,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        subject text NOT NULL REFERENCES account (subject) ON DELETE CASCADE,
        secret_hash bytea NOT NULL,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query('CREATE INDEX refresh_token_family ON refresh_token (family_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE refresh_token');
    await q.query('DROP TABLE sign_in_failure');
    await q.query('DROP TABLE account_credential');
    await q.query('ALTER TABLE account DROP COLUMN post_id');
  }
}
