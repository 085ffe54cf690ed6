import { sqlIdentifier } from '../db/sql-identifier';

/**
 * Figures that change without an outbox event (a plain rating, an alert acknowledged or disposed
 * of) still tell readers which unit changed: a row trigger on the monthly rollup queues
 * `NOTIFY sunlight_figures_<schema>` with the unit code. Postgres delivers it only on commit and
 * folds repeats within one transaction. The gateway's response cache listens to it beside the
 * outbox channel.
 */
export const rollupChangeNotify = {
  /** The channel a service's rollups notify on. */
  channel(schema: string): string {
    return `sunlight_figures_${schema}`;
  },
  /** A migration's `up`: the trigger and its function on `table`. */
  up(table: string): string[] {
    sqlIdentifier(table, 'rollup table');
    return [
      `CREATE FUNCTION ${table}_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('sunlight_figures_' || TG_TABLE_SCHEMA, NEW.unit_code);
          RETURN NULL;
        END $$`,
      `CREATE TRIGGER ${table}_notify AFTER INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_notify()`,
    ];
  },
  /** A migration's `down`. */
  down(table: string): string[] {
    sqlIdentifier(table, 'rollup table');
    return [`DROP TRIGGER ${table}_notify ON ${table}`, `DROP FUNCTION ${table}_notify()`];
  },
};
