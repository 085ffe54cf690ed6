import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, CHINA_2026, LiveWorkingCalendar, type AppError } from '@sunlight/shared';
import { createTestDatabase, type TestDatabase } from '@sunlight/shared/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { complaintClock } from '../../../services/complaints/src/jobs/complaint-clock';
import { CHINA_2025 } from '../generate/china-2025';
import { migrateServices } from '../generate/migrate-services';
import { describeCalendarError, parseCalendarCommand, runCalendarCommand } from './calendar-command';

const NOTICE_2025 = { year: 2025, title: '国务院办公厅关于2025年部分节假日安排的通知', number: '', days: CHINA_2025 };
const quiet = { ...createLogger('calendar-spec'), info: () => undefined };

/**
 * `npm run -s calendar -- load --file notice.json` against the services' real migrations: one
 * calendar for cases and complaints, loaded once, seen by both services' clocks without a restart.
 */
describe('the calendar command', () => {
  let db: TestDatabase;
  let client: Client;
  let dir: string;
  const sources: DataSource[] = [];
  const live: LiveWorkingCalendar[] = [];
  const file = async (name: string, content: unknown) => {
    const at = path.join(dir, name);
    await writeFile(at, JSON.stringify(content));
    return at;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateServices(db.url);
    client = new Client({ connectionString: db.url });
    await client.connect();
    dir = await mkdtemp(path.join(tmpdir(), 'calendar-command-'));
    // Each service reads the calendar as it does at start: its own connection, its search path.
    for (const schema of ['cases', 'complaints']) {
      const ds = new DataSource({
        type: 'postgres',
        url: db.url,
        schema,
        extra: { max: 2, options: `-c search_path=${schema},public` },
      });
      await ds.initialize();
      sources.push(ds);
      const calendar = await LiveWorkingCalendar.open(ds);
      await calendar.start(db.url, quiet, 3_600_000);
      live.push(calendar);
    }
  });
  afterAll(async () => {
    for (const l of live) await l.stop();
    for (const s of sources) await s.destroy();
    await client.end();
    await rm(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('leaves one calendar, with 2026 exactly as shipped and no copy per service', async () => {
    const { rows } = await client.query(
      "SELECT to_regclass('cases.calendar_day')::text AS cases, to_regclass('complaints.calendar_day')::text AS complaints",
    );
    expect(rows).toEqual([{ cases: null, complaints: null }]);
    const { rows: days } = await client.query('SELECT day::text AS date, working, note FROM calendar.day ORDER BY day');
    expect(days).toEqual([...CHINA_2026].map((d) => ({ ...d })).sort((a, b) => a.date.localeCompare(b.date)));
  });

  it("loads a year's notice once, and both services' clocks count with it without a restart", async () => {
    // Spring Festival 2025: Tue 2025-01-28 to Tue 2025-02-04 off, Sat 2025-02-08 worked.
    const receivedAt = new Date('2025-01-27T09:00:00+08:00');
    const limits = { acceptDays: 5, concludeDays: 60, extensionDays: 30, escalateAfterDays: 5 };
    const complaint = { status: 'RECEIVED', stage_started_at: receivedAt, extension_days: 0 };
    const calendars = { cases: live[0]!, complaints: live[1]! };
    expect(complaintClock(complaint, { calendar: calendars.complaints.current, limits }, receivedAt)).toMatchObject({
      deadline: '2025-02-03',
      deadlineProvisional: true,
      missingYears: [2025],
    });
    expect(calendars.cases.current.addWorkingDays(receivedAt, 5)).toBe('2025-02-03');

    const lines = await runCalendarCommand(client, {
      verb: 'load',
      file: await file('2025.json', NOTICE_2025),
      by: 'tester',
    });
    expect(lines).toEqual([
      expect.stringMatching(/^已载入 2025 年节假日安排：国务院办公厅关于2025年部分节假日安排的通知，共 33 天/),
    ]);
    const until = Date.now() + 5_000;
    while (Object.values(calendars).some((c) => !c.current.years?.includes(2025)) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    // Jan 27 + 5 working days: Feb 5, 6, 7, 8 (make-up Saturday), 10.
    expect(complaintClock(complaint, { calendar: calendars.complaints.current, limits }, receivedAt)).toMatchObject({
      deadline: '2025-02-10',
      deadlineProvisional: false,
      missingYears: [],
    });
    expect(calendars.cases.current.addWorkingDays(receivedAt, 5)).toBe('2025-02-10');
  });

  it('writes nothing when the same notice is loaded again, and traces the one load', async () => {
    const lines = await runCalendarCommand(client, {
      verb: 'load',
      file: await file('again.json', NOTICE_2025),
      by: 'other',
    });
    expect(lines).toEqual([
      expect.stringMatching(/^2025 年已按相同内容载入，未作改动（载入记录 \d+，COMMAND command:tester，/),
    ]);
    const { rows } = await client.query(
      'SELECT year, via, loaded_by, jsonb_array_length(days) AS days FROM calendar.load WHERE year = 2025',
    );
    expect(rows).toEqual([{ year: 2025, via: 'COMMAND', loaded_by: 'command:tester', days: CHINA_2025.length }]);
    expect(await runCalendarCommand(client, { verb: 'list' })).toEqual([
      expect.stringMatching(/^2025\t国务院办公厅关于2025年部分节假日安排的通知\tCOMMAND command:tester /),
      expect.stringMatching(
        /^2026\t国务院办公厅关于2026年部分节假日安排的通知\tMIGRATION migration:SharedCalendar1767100000000 /,
      ),
    ]);
  });

  it('refuses a wrong notice with the code and field of every problem', async () => {
    const wrong = {
      ...NOTICE_2025,
      year: 2024,
      title: '国务院办公厅关于2024年部分节假日安排的通知',
      days: [
        { date: '2024-02-10', working: false, note: '春节' },
        { date: '2024-02-10', working: false, note: '春节' },
        { date: '2024-02-07', working: true, note: '春节调休上班' },
      ],
    };
    const error = await runCalendarCommand(client, {
      verb: 'load',
      file: await file('wrong.json', wrong),
      by: 'x',
    }).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(describeCalendarError(error)).toEqual([
      'CALENDAR_DATE_DUPLICATE days[1].date：日期 2024-02-10 重复，已见于 days[0]',
      'CALENDAR_MAKEUP_NOT_WEEKEND days[2].working：2024-02-07 是工作日，本就上班：调休上班日须为周六或周日',
    ]);
    expect((await client.query('SELECT 1 FROM calendar.notice WHERE year = 2024')).rows).toEqual([]);
  });

  it('reads its command line, or shows how to use it', () => {
    expect(parseCalendarCommand(['load', '--file', 'n.json'], 'me')).toEqual({
      verb: 'load',
      file: 'n.json',
      by: 'me',
    });
    expect(parseCalendarCommand(['load', '--file', 'n.json', '--by', '张三'], 'me')).toMatchObject({ by: '张三' });
    expect(() => parseCalendarCommand(['load'], 'me')).toThrow(/usage: npm run -s calendar -- load --file/);
  });
});
