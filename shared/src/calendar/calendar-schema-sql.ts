/** The schema every service's clock reads its working days from. */
export const CALENDAR_SCHEMA = 'calendar';

/** The NOTIFY channel on which a load announces a new year (payload: the year). */
export const CALENDAR_CHANNEL = 'sunlight_calendar';

/** The advisory lock key under which the calendar is created, migrated and loaded. */
export const CALENDAR_LOCK = 'sunlight:calendar';

/**
 * Why one schema and not a copy per service, nor a calendar service: the calendar is reference
 * data of the platform (like the outbox tables), not of one domain; cases and complaints count
 * every deadline with it in memory, so a service answering over the network would add a hop to
 * each count, and copies drift apart (nothing kept them equal, nor could load a new year). So the
 * platform keeps it in the one database every service already shares, readable by the services
 * that keep clocks and writable by none of them: the only write is `calendar.load_notice`, which
 * owns the rules a load must keep (once per year, traced, announced) wherever it is called from.
 *
 * The statements that create the shared working-day calendar, idempotently (each service's
 * migration runs them; whichever runs first creates, the other finds it made):
 * - `calendar.load`: the append-only trace of every load, who (`loaded_by`, `unit_code`), how
 *   (`via`), when (`loaded_at`, the server's clock), what (`title`, `number`, `days`, `digest`);
 * - `calendar.notice`: the years loaded, each with the load that set it (a year is set once);
 * - `calendar.day`: the exceptions to Monday-to-Friday, each of a loaded year;
 * - `calendar.load_notice(...)`: the one write path (SECURITY DEFINER, executable only by the
 *   roles it is granted to), which loads a year once, answers a repeat of the same days with the
 *   first load, refuses other days for a loaded year, and NOTIFYs {@link CALENDAR_CHANNEL}.
 * Run inside a transaction holding the {@link CALENDAR_LOCK} advisory lock.
 */
export function calendarSchemaSql(): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS ${CALENDAR_SCHEMA}`,
    `CREATE TABLE IF NOT EXISTS calendar.load (
       id bigserial PRIMARY KEY,
       year int NOT NULL CHECK (year BETWEEN 1900 AND 9999),
       title text NOT NULL,
       number text NOT NULL,
       days jsonb NOT NULL,
       digest text NOT NULL,
       loaded_by text NOT NULL,
       unit_code text,
       via text NOT NULL CHECK (via IN ('MIGRATION', 'COMMAND', 'MUTATION')),
       loaded_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE IF NOT EXISTS calendar.notice (
       year int PRIMARY KEY,
       load_id bigint NOT NULL UNIQUE REFERENCES calendar.load (id)
     )`,
    `CREATE TABLE IF NOT EXISTS calendar.day (
       day date PRIMARY KEY,
       working boolean NOT NULL,
       note text NOT NULL DEFAULT '',
       year int NOT NULL REFERENCES calendar.notice (year),
       CHECK (extract(year FROM day)::int = year)
     )`,
    `CREATE OR REPLACE FUNCTION calendar.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'calendar.% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
     END $$`,
    ...['load', 'notice', 'day'].flatMap((t) => [
      `CREATE OR REPLACE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON calendar.${t} FOR EACH ROW EXECUTE FUNCTION calendar.refuse_change()`,
      `CREATE OR REPLACE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON calendar.${t} FOR EACH STATEMENT EXECUTE FUNCTION calendar.refuse_change()`,
    ]),
    // The digest the idempotency compares: the days in date order, one per line.
    `CREATE OR REPLACE FUNCTION calendar.days_digest(days jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
       SELECT encode(sha256(convert_to(coalesce(string_agg(d.date || ' ' || d.working::text || ' ' || d.note, E'\\n' ORDER BY d.date), ''), 'UTF8')), 'hex')
         FROM jsonb_to_recordset(days) AS d(date text, working boolean, note text)
     $$`,
    `CREATE OR REPLACE FUNCTION calendar.load_notice(
       p_year int, p_title text, p_number text, p_days jsonb, p_loaded_by text, p_unit_code text, p_via text
     ) RETURNS TABLE (load_id bigint, changed boolean)
     LANGUAGE plpgsql SECURITY DEFINER SET search_path = calendar, pg_temp AS $$
     DECLARE
       v_digest text := calendar.days_digest(p_days);
       v_found bigint;
       v_found_digest text;
       v_id bigint;
     BEGIN
       PERFORM pg_advisory_xact_lock(hashtext('${CALENDAR_LOCK}'));
       SELECT n.load_id, l.digest INTO v_found, v_found_digest
         FROM calendar.notice n JOIN calendar.load l ON l.id = n.load_id WHERE n.year = p_year;
       IF v_found IS NOT NULL THEN
         IF v_found_digest = v_digest THEN
           RETURN QUERY SELECT v_found, false;
           RETURN;
         END IF;
         RAISE EXCEPTION 'calendar year % is loaded already with other days', p_year
           USING ERRCODE = 'unique_violation', CONSTRAINT = 'calendar_year_loaded';
       END IF;
       INSERT INTO calendar.load (year, title, number, days, digest, loaded_by, unit_code, via)
         VALUES (p_year, p_title, p_number, p_days, v_digest, p_loaded_by, p_unit_code, p_via) RETURNING id INTO v_id;
       INSERT INTO calendar.notice (year, load_id) VALUES (p_year, v_id);
       INSERT INTO calendar.day (day, working, note, year)
         SELECT d.date::date, d.working, d.note, p_year FROM jsonb_to_recordset(p_days) AS d(date text, working boolean, note text);
       PERFORM pg_notify('${CALENDAR_CHANNEL}', p_year::text);
       RETURN QUERY SELECT v_id, true;
     END $$`,
    'REVOKE ALL ON FUNCTION calendar.load_notice(int, text, text, jsonb, text, text, text) FROM PUBLIC',
  ];
}
