import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts can be disabled, and their tokens revoked: `status` ACTIVE or DISABLED (with the time
 * it was disabled), `tokens_valid_after` (tokens issued before it are refused: sign-out
 * everywhere, a password reset), and a tombstone per deleted subject, written by a trigger, so a
 * deleted account's tokens are refused too.
 */
export class AccountStatus1766100000000 implements MigrationInterface {
  name = 'AccountStatus1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE account
        ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
        ADD COLUMN disabled_at timestamptz,
        ADD COLUMN tokens_valid_after timestamptz,
        ADD CONSTRAINT account_disabled_when CHECK ((status = 'DISABLED') = (disabled_at IS NOT NULL))`);
    await q.query(`
      CREATE TABLE account_tombstone (
        subject text PRIMARY KEY,
        deleted_at timestamptz NOT NULL
      )`);
    // The trigger runs with the search path of the migration (the service's schema), whoever deletes.
    await q.query(`
      CREATE FUNCTION account_tombstone_keep() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          INSERT INTO account_tombstone (subject, deleted_at) VALUES (OLD.subject, now())
            ON CONFLICT (subject) DO UPDATE SET deleted_at = excluded.deleted_at;
          RETURN OLD;
        END IF;
        DELETE FROM account_tombstone WHERE subject = NEW.subject;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER account_tombstone_keep AFTER INSERT OR DELETE ON account
        FOR EACH ROW EXECUTE FUNCTION account_tombstone_keep()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER account_tombstone_keep ON account');
    await q.query('DROP FUNCTION account_tombstone_keep()');
    await q.query('DROP TABLE account_tombstone');
    await q.query(
      'ALTER TABLE account DROP CONSTRAINT account_disabled_when, DROP COLUMN tokens_valid_after, DROP COLUMN disabled_at, DROP COLUMN status',
    );
  }
}
