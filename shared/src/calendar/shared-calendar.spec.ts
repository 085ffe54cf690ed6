import { Client } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { AppError } from '../errors/app-error';
import type { DataSource } from 'typeorm';
import { createServiceDataSource } from '../db/create-data-source';
import { migrate } from '../db/migrate';
import { PlatformTables1763769600000 } from '../db/platform-tables.migration';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { fictionalHolidayNotice } from '../testing/fictional-holiday-notice';
import { calendarTableSql } from './calendar-table-sql';
import { CHINA_2026, CHINA_2026_NOTICE_TITLE } from './china-2026';
import { LiveWorkingCalendar } from './live-working-calendar';
import { loadHolidayNotice } from './load-holiday-notice';
import { SharedCalendarMigration } from './shared-calendar.migration';

/** What the shipped calendar migrations of cases and complaints did: a copy seeded with 2026. */
class LegacyCalendar1700000000000 implements MigrationInterface {
  name = 'LegacyCalendar1700000000000';
  async up(q: QueryRunner): Promise<void> {
    for (const sql of calendarTableSql(CHINA_2026)) await q.query(sql);
  }
  async down(): Promise<void> {}
}

/** What the city generator added to both copies: rows of 2025 (two dates of the real 2025 notice). */
class Generator2025Rows1700000000001 implements MigrationInterface {
  name = 'Generator2025Rows1700000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      "INSERT INTO calendar_day (day, working, note) VALUES ('2025-01-01', false, '元旦'), ('2025-01-26', true, '春节调休上班')",
    );
  }
  async down(): Promise<void> {}
}

/** A copy edited by hand: one 2026 date says otherwise. */
class EditedRow1700000000002 implements MigrationInterface {
  name = 'EditedRow1700000000002';
  async up(q: QueryRunner): Promise<void> {
    await q.query("UPDATE calendar_day SET note = '改过' WHERE day = '2026-10-01'");
  }
  async down(): Promise<void> {}
}

class CasesCalendar1767100000000 extends SharedCalendarMigration {
  name = 'CasesCalendar1767100000000';
  protected readonly schema = 'cases';
}
class ComplaintsCalendar1767100000000 extends SharedCalendarMigration {
  name = 'ComplaintsCalendar1767100000000';
  protected readonly schema = 'complaints';
}

const BEFORE = [PlatformTables1763769600000, LegacyCalendar1700000000000, Generator2025Rows1700000000001];

/** A service's database as its owner sees it, migrated (the roles are open-service-database.spec's). */
async function open(url: string, schema: 'cases' | 'complaints', migrations: Function[]): Promise<DataSource> {
  const ds = createServiceDataSource({ url, schema, entities: [], migrations, poolSize: 2 });
  await ds.initialize();
  try {
    await migrate(ds, schema);
  } catch (e) {
    await ds.destroy();
    throw e;
  }
  return ds;
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e as AppError).code ?? (e as { code?: string }).code,
  );

describe('the shared working calendar', () => {
  let db: TestDatabase;
  let admin: Client;
  let cases: DataSource;
  let complaints: DataSource;
  const live: LiveWorkingCalendar[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new Client({ connectionString: db.url });
    await admin.connect();
    // Both services as they were (each its own copy, 2025 added by the generator), then migrated.
    await (await open(db.url, 'cases', BEFORE)).destroy();
    complaints = await open(db.url, 'complaints', [...BEFORE, ComplaintsCalendar1767100000000]);
    cases = await open(db.url, 'cases', [...BEFORE, CasesCalendar1767100000000]);
  });
  afterAll(async () => {
    for (const l of live) await l.stop();
    for (const d of [cases, complaints]) await d.destroy();
    await admin.end();
    await db.drop();
  });

  it('holds every row of both copies once, keeps 2026 exactly, and drops the copies', async () => {
    const { rows: copies } = await admin.query(
      "SELECT to_regclass('cases.calendar_day')::text AS cases, to_regclass('complaints.calendar_day')::text AS complaints",
    );
    expect(copies).toEqual([{ cases: null, complaints: null }]);
    const { rows: days } = await admin.query<{ date: string; working: boolean; note: string }>(
      'SELECT day::text AS date, working, note FROM calendar.day ORDER BY day',
    );
    expect(days.filter((d) => d.date.startsWith('2026'))).toEqual(
      [...CHINA_2026].map((d) => ({ ...d })).sort((a, b) => a.date.localeCompare(b.date)),
    );
    expect(days.filter((d) => d.date.startsWith('2025'))).toEqual([
      { date: '2025-01-01', working: false, note: '元旦' },
      { date: '2025-01-26', working: true, note: '春节调休上班' },
    ]);
    const { rows: loads } = await admin.query(
      'SELECT n.year, l.title, l.via, l.loaded_by FROM calendar.notice n JOIN calendar.load l ON l.id = n.load_id ORDER BY n.year',
    );
    // complaints migrated first and copied both copies; cases found its rows there and loaded nothing.
    expect(loads).toEqual([
      expect.objectContaining({ year: 2025, via: 'MIGRATION', loaded_by: 'migration:ComplaintsCalendar1767100000000' }),
      {
        year: 2026,
        title: CHINA_2026_NOTICE_TITLE,
        via: 'MIGRATION',
        loaded_by: 'migration:ComplaintsCalendar1767100000000',
      },
    ]);
  });

  it('is reloaded by both services on a load, without a restart', async () => {
    for (const d of [cases, complaints]) {
      const calendar = await LiveWorkingCalendar.open(d);
      await calendar.start(
        db.url,
        { info: () => undefined, warn: () => undefined, error: () => undefined, child: () => undefined as never },
        3_600_000,
      );
      live.push(calendar);
    }
    const notice = fictionalHolidayNotice(2099);
    for (const l of live) {
      expect(l.current.isWorkingDay(notice.offDays[0]!)).toBe(true);
      expect(l.current.missingYears(new Date('2099-01-10T00:00:00Z'), '2099-12-31')).toEqual([2099]);
    }
    const load = await loadHolidayNotice(cases, notice, { loadedBy: 'admin-1', via: 'MUTATION' });
    expect(load).toMatchObject({ year: 2099, changed: true, loadedBy: 'admin-1', via: 'MUTATION', days: 3 });
    // The NOTIFY wakes both (the poll is an hour away).
    const deadline = Date.now() + 5_000;
    while (live.some((l) => !l.current.years?.includes(2099)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    for (const l of live) {
      expect(l.current.isWorkingDay(notice.offDays[0]!)).toBe(false);
      expect(l.current.isWorkingDay(notice.makeUpDay)).toBe(true);
      expect(l.current.missingYears(new Date('2099-01-10T00:00:00Z'), '2099-12-31')).toEqual([]);
    }
  });

  it('writes nothing for a repeated load, refuses other days for a loaded year, and leaves 2026 as it was', async () => {
    const count = async () => (await admin.query('SELECT count(*)::int AS n FROM calendar.load')).rows[0].n as number;
    const before = await count();
    const notice = fictionalHolidayNotice(2099);
    const again = await loadHolidayNotice(admin, notice, { loadedBy: 'someone-else', via: 'COMMAND' });
    expect(again).toMatchObject({ year: 2099, changed: false, loadedBy: 'admin-1', via: 'MUTATION' });
    expect(await count()).toBe(before);

    const other = { ...notice, days: notice.days.slice(0, 2) };
    expect(await codeOf(loadHolidayNotice(admin, other, { loadedBy: 'x', via: 'COMMAND' }))).toBe(
      'CALENDAR_YEAR_ALREADY_LOADED',
    );
    const changed2026 = {
      year: 2026,
      title: CHINA_2026_NOTICE_TITLE,
      number: '',
      days: CHINA_2026.map((d) => (d.date === '2026-10-10' ? { ...d, working: false, note: '国庆节' } : d)),
    };
    expect(await codeOf(loadHolidayNotice(admin, changed2026, { loadedBy: 'x', via: 'COMMAND' }))).toBe(
      'CALENDAR_YEAR_ALREADY_LOADED',
    );
    const same2026 = await loadHolidayNotice(
      admin,
      { ...changed2026, days: [...CHINA_2026] },
      { loadedBy: 'x', via: 'COMMAND' },
    );
    expect(same2026.changed).toBe(false);
    expect(await count()).toBe(before);
    const { rows } = await admin.query("SELECT working, note FROM calendar.day WHERE day = '2026-10-10'");
    expect(rows).toEqual([{ working: true, note: '国庆节调休上班' }]);
    // Even the owner cannot rewrite history.
    expect(await codeOf(admin.query("UPDATE calendar.day SET working = false WHERE day = '2026-10-10'"))).toBe('42501');
    expect(await codeOf(admin.query('DELETE FROM calendar.load'))).toBe('42501');
  });

  it('refuses to migrate copies that disagree, and drops nothing', async () => {
    const other = await createTestDatabase();
    try {
      await (await open(other.url, 'cases', BEFORE)).destroy();
      const failed = await open(other.url, 'complaints', [
        ...BEFORE,
        EditedRow1700000000002,
        ComplaintsCalendar1767100000000,
      ]).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(failed?.message).toMatch(/2026-10-01 上不一致/);
      const c = new Client({ connectionString: other.url });
      await c.connect();
      const { rows } = await c.query(
        "SELECT to_regclass('cases.calendar_day')::text AS cases, to_regclass('complaints.calendar_day')::text AS complaints, to_regnamespace('calendar')::text AS calendar",
      );
      await c.end();
      expect(rows).toEqual([{ cases: 'cases.calendar_day', complaints: 'complaints.calendar_day', calendar: null }]);
    } finally {
      await other.drop();
    }
  });
});
