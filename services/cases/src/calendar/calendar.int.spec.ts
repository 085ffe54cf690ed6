import { randomUUID } from 'node:crypto';
import { Role, type AppError, type Principal } from '@sunlight/shared';
import { fictionalHolidayNotice } from '@sunlight/shared/testing';
import { aFiling } from '../testing/case-input.builder';
import { openCasesDatabase, staff, type CasesDatabase } from '../testing/cases-database';
import { aPowerSnapshot } from '../testing/power-snapshot.builder';
import { CalendarService } from './calendar.service';
import type { HolidayNoticeInput } from './holiday-notice.input';

const CITY = '139900000000';
const COUNTY = '139901000000';
const MONDAY = new Date('2026-12-14T09:00:00+08:00');

const cityAdmin: Principal = { subject: 'admin-city', role: Role.ADMIN, unit: CITY };

/** The notice as the mutation's input (no test-only fields). */
function input(year: number): HolidayNoticeInput {
  const { title, number, days } = fictionalHolidayNotice(year);
  return { year, title, number, days };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e as AppError).code,
  );

describe('the working calendar in cases', () => {
  let db: CasesDatabase;
  let calendar: CalendarService;
  const loads = () => db.count('SELECT count(*) FROM calendar.load');

  beforeAll(async () => {
    db = await openCasesDatabase(MONDAY);
    calendar = new CalendarService(db.ds);
  });
  afterAll(() => db.close());

  describe('loadHolidayNotice (mutation)', () => {
    it('refuses everyone but an ADMIN of the city, writing nothing', async () => {
      const before = await loads();
      const refused: Principal[] = [
        { subject: 'admin-county', role: Role.ADMIN, unit: COUNTY },
        { subject: 'inspector-city', role: Role.INSPECTOR, unit: CITY },
        { subject: 'leader-city', role: Role.LEADER, unit: CITY },
        staff.clerk(CITY, randomUUID()),
        { subject: 'public', role: Role.PUBLIC },
      ];
      for (const p of refused)
        expect({ who: p.subject, code: await codeOf(calendar.load(p, input(2097), db.key())) }).toEqual({
          who: p.subject,
          code: 'CALENDAR_LOAD_FORBIDDEN',
        });
      expect(await loads()).toBe(before);
    });

    it('validates the notice: code and field of each problem, in Chinese', async () => {
      const bad = input(2097);
      bad.days = [...bad.days, { date: '2096-12-31', working: false, note: '元旦' }];
      const error = await calendar.load(cityAdmin, bad, db.key()).then(
        () => null,
        (e: unknown) => e as AppError,
      );
      expect(error?.extensions).toMatchObject({ code: 'CALENDAR_DATE_OUTSIDE_YEAR', field: 'days[3].date' });
      expect(error?.message).toContain('不在 2097 年内');
    });

    it('loads once, is idempotent by key and by content, and traces who loaded what and when', async () => {
      const before = await loads();
      const key = db.key();
      const started = new Date(Date.now() - 1000);
      const first = await calendar.load(cityAdmin, input(2097), key);
      const retry = await calendar.load(cityAdmin, input(2097), key);
      const again = await calendar.load({ ...cityAdmin, subject: 'admin-city-2' }, input(2097), db.key());
      expect(first).toMatchObject({
        year: 2097,
        changed: true,
        loadedBy: 'admin-city',
        unitCode: CITY,
        via: 'MUTATION',
      });
      expect(retry).toEqual(first);
      expect(again).toEqual({ ...first, changed: false });
      expect(await loads()).toBe(before + 1);
      const [trace]: Record<string, unknown>[] = await db.ds.query(
        'SELECT year, title, number, loaded_by, unit_code, via, loaded_at, days FROM calendar.load WHERE id = $1',
        [first.loadId],
      );
      expect(trace).toMatchObject({
        year: 2097,
        title: input(2097).title,
        number: input(2097).number,
        loaded_by: 'admin-city',
        unit_code: CITY,
        via: 'MUTATION',
        days: input(2097).days,
      });
      expect((trace!['loaded_at'] as Date).getTime()).toBeGreaterThanOrEqual(started.getTime());
      expect((await calendar.years(cityAdmin)).map((y) => y.year)).toEqual([2026, 2097]);
    });

    it('refuses other days for a loaded year', async () => {
      const changed = input(2097);
      changed.days = changed.days.slice(0, 2);
      expect(await codeOf(calendar.load(cityAdmin, changed, db.key()))).toBe('CALENDAR_YEAR_ALREADY_LOADED');
    });
  });

  describe('a deadline beyond the loaded calendar', () => {
    const department = randomUUID();
    // One step of 20 working days filed on Mon 2026-12-14 runs into 2027, which is not loaded.
    const power = aPowerSnapshot().inUnit(COUNTY).ofDepartment(department).withFlow(20).build();
    const clerk = staff.clerk(COUNTY, department);
    const gapEvents = () =>
      db.ds.query(
        "SELECT unit_code, aggregate_id, payload FROM outbox WHERE topic = 'case.calendar_not_loaded' ORDER BY id",
      ) as Promise<unknown[]>;

    it('is provisional, and the city is told once however many cases and runs need it', async () => {
      db.powers.publish(power);
      const a = await db.filing.file(clerk, aFiling(power.id).build(), db.key());
      const b = await db.filing.file(clerk, aFiling(power.id).forApplicant('李四').build(), db.key());
      const clock = await db.reads().clock(a.row!);
      // Dec 15-31 has 13 working days by the weekday rule; 7 more into January.
      expect(clock).toMatchObject({ stepDeadline: '2027-01-11', stepDeadlineProvisional: true, missingYears: [2027] });
      expect((await db.reads().clock(b.row!)).stepDeadlineProvisional).toBe(true);

      await db.scheduler.runOnce();
      await db.scheduler.runOnce();
      expect(await gapEvents()).toEqual([
        { unit_code: CITY, aggregate_id: `calendar:2027:${CITY}`, payload: { year: 2027, cityCode: CITY } },
      ]);
    });

    it('is final once the year is loaded, without a restart', async () => {
      await calendar.load(cityAdmin, input(2027), db.key()); // fictional days, in a test database only
      await db.liveCalendar.reload();
      const [row] = await db.ds.query('SELECT id FROM "case" ORDER BY received_at LIMIT 1');
      const c = await db.reads().get({ subject: 'svc', role: Role.SERVICE }, (row as { id: string }).id);
      expect(await db.reads().clock(c.row)).toMatchObject({ stepDeadlineProvisional: false, missingYears: [] });
    });
  });
});
