import type { CalendarDay } from './calendar-day';
import { isoDate } from './iso-date';

function literal(text: string): string {
  // A standard SQL string: quotes doubled, backslashes literal (standard_conforming_strings is on by default).
  if (text.includes('\u0000')) throw new RangeError('a calendar note cannot contain a NUL character');
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The statements that create `calendar_day (day date PRIMARY KEY, working boolean NOT NULL,
 * note text NOT NULL DEFAULT '')` in the current search path (a service's own schema, inside its
 * migration) and insert `days` into it. Run them in order from a migration's `up`; `down` is
 * `DROP TABLE calendar_day`.
 * @throws RangeError for a malformed or repeated date, before any SQL is produced.
 */
export function calendarTableSql(days: readonly CalendarDay[]): string[] {
  const seen = new Set<string>();
  const values = days.map((d) => {
    // Validated, so the date embeds as a plain literal.
    isoDate.toDayNumber(d.date);
    if (seen.has(d.date)) throw new RangeError(`calendar day ${d.date} is listed twice`);
    seen.add(d.date);
    if (typeof d.working !== 'boolean') throw new TypeError(`calendar day ${d.date}: working must be a boolean`);
    return `('${d.date}', ${d.working ? 'true' : 'false'}, ${literal(d.note)})`;
  });
  const statements = [
    `CREATE TABLE calendar_day (day date PRIMARY KEY, working boolean NOT NULL, note text NOT NULL DEFAULT '')`,
  ];
  if (values.length > 0)
    statements.push(`INSERT INTO calendar_day (day, working, note) VALUES\n  ${values.join(',\n  ')}`);
  return statements;
}
