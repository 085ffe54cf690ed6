import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox wakes its readers itself: a row trigger queues `NOTIFY sunlight_outbox_<schema>`
 * with the event's unit code as payload (empty when the event has none). Postgres delivers it only
 * if the transaction commits, and folds identical notifications of one transaction into one, so a
 * transition that writes three events about one unit wakes readers once. Publishers no longer send
 * a NOTIFY of their own (one statement fewer per event); the gateway's response cache learns from
 * the payload which scopes changed.
 */
export class OutboxNotify1765000000000 implements MigrationInterface {
  name = 'OutboxNotify1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('sunlight_outbox_' || TG_TABLE_SCHEMA, coalesce(NEW.unit_code, ''));
          RETURN NULL;
        END $$`);
    await q.query('CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_notify()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER outbox_notify ON outbox');
    await q.query('DROP FUNCTION outbox_notify()');
  }
}
