import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { calendarTableSql } from './calendar-table-sql';
import { CHINA_2026 } from './china-2026';
import { WorkingCalendar } from './working-calendar';

describe('calendarTableSql', () => {
  it('escapes quotes in notes and writes booleans and dates as literals', () => {
    const [create, insert] = calendarTableSql([
      { date: '2026-03-03', working: false, note: "O'Brien's day" },
      { date: '2026-03-07', working: true, note: '' },
    ]);
    expect(create).toBe(
      "CREATE TABLE calendar_day (day date PRIMARY KEY, working boolean NOT NULL, note text NOT NULL DEFAULT '')",
    );
    expect(insert).toContain("('2026-03-03', false, 'O''Brien''s day')");
    expect(insert).toContain("('2026-03-07', true, '')");
  });

  it('only creates the table when there are no days', () => {
    expect(calendarTableSql([])).toHaveLength(1);
  });

  it('refuses a date that is not a plain YYYY-MM-DD, and a repeated date', () => {
    expect(() =>
      calendarTableSql([{ date: "2026-01-01', true, ''); DROP TABLE x; --", working: false, note: '' }]),
    ).toThrow(RangeError);
    expect(() => calendarTableSql([{ date: '2026-02-30', working: false, note: '' }])).toThrow(RangeError);
    const day = { date: '2026-01-01', working: false, note: '元旦' };
    expect(() => calendarTableSql([day, day])).toThrow(/listed twice/);
    expect(() => calendarTableSql([{ date: '2026-01-01', working: false, note: 'a\u0000b' }])).toThrow(RangeError);
  });

  describe('against PostgreSQL', () => {
    let database: TestDatabase;
    let client: Client;

    beforeAll(async () => {
      database = await createTestDatabase();
      client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query('CREATE SCHEMA svc');
      await client.query('SET search_path = svc, public');
    });
    afterAll(async () => {
      await client.end();
      await database.drop();
    });

    it('creates the table in the current schema and round-trips the days', async () => {
      const tricky = { date: '2027-01-01', working: false, note: "元旦 'quoted' \\ back\\slash" };
      for (const sql of calendarTableSql([...CHINA_2026, tricky])) await client.query(sql);

      const { rows: tables } = await client.query<{ schema: string }>(
        "SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'calendar_day'",
      );
      expect(tables).toEqual([{ schema: 'svc' }]);

      const { rows } = await client.query<{ day: string; working: boolean; note: string }>(
        'SELECT day::text AS day, working, note FROM calendar_day ORDER BY day',
      );
      expect(rows).toEqual(
        [...CHINA_2026, tricky]
          .map((d) => ({ day: d.date, working: d.working, note: d.note }))
          .sort((a, b) => a.day.localeCompare(b.day)),
      );

      // Mon 2026-09-28 -> Tue 2026-10-13: Sep 29, 30, Oct 8, 9, 10, 12, 13
      const calendar = WorkingCalendar.fromRows(rows);
      expect(
        calendar.workingDaysBetween(new Date('2026-09-28T09:00:00+08:00'), new Date('2026-10-13T09:00:00+08:00')),
      ).toBe(7);
    });
  });
});
