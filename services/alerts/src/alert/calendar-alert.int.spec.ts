import { Role, type Principal } from '@sunlight/shared';
import { aCalendarNotLoaded } from '../testing/alert-events';
import { openAlertsDatabase, people, type AlertsDatabase } from '../testing/alerts-database';

const CITY = '139900000000';
const OTHER_CITY = '139800000000';
const COUNTY = '139901000000';

/** CALENDAR_NOT_LOADED: a clock needed a year the working calendar lacks. */
describe('the alert that the working calendar lacks a year', () => {
  let db: AlertsDatabase;
  const admin = (unit: string): Principal => ({ subject: `admin-${unit}`, role: Role.ADMIN, unit });
  const kinds = async (p: Principal) => (await db.alerts.list(p, {}, 50)).edges.map((e) => e.node.kind);

  beforeAll(async () => {
    db = await openAlertsDatabase();
  });
  afterAll(() => db.close());

  it('is raised once per year and city, whichever service and however often it is reported', async () => {
    await db.outboxes.publish(aCalendarNotLoaded('case.calendar_not_loaded', 2027, CITY));
    await db.outboxes.publish(aCalendarNotLoaded('complaint.calendar_not_loaded', 2027, CITY));
    await db.outboxes.publish(aCalendarNotLoaded('case.calendar_not_loaded', 2027, CITY)); // another replica's restart
    await db.outboxes.publish(aCalendarNotLoaded('complaint.calendar_not_loaded', 2027, OTHER_CITY));
    expect(await db.drain()).toBe(2);
    const [alert, ...more] = await db.alertsAbout(CITY);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      kind: 'CALENDAR_NOT_LOADED',
      level: 'RED',
      unit_code: CITY,
      subject_type: 'Unit',
      dedupe_key: `2027:${CITY}`,
      details: { year: 2027, cityCode: CITY },
    });
    expect(alert?.title).toContain('工作日历缺少 2027 年节假日安排');
  });

  it("counts in no unit's alert figures (it says nothing about the unit's conduct)", async () => {
    expect(await db.count('SELECT coalesce(sum(raised + red + undisposed), 0) AS count FROM alert_month_stat')).toBe(0);
    await db.ds.query('SELECT rebuild_alert_month_stat()');
    expect(await db.count('SELECT coalesce(sum(raised + red + undisposed), 0) AS count FROM alert_month_stat')).toBe(0);
  });

  it("reaches the city's admins, and only them", async () => {
    const page = await db.alerts.list(admin(CITY), {}, 50);
    expect(page.edges.map((e) => [e.node.kind, e.node.unit.code, e.node.details])).toEqual([
      ['CALENDAR_NOT_LOADED', CITY, expect.objectContaining({ year: 2027, cityCode: CITY })],
    ]);
    expect(await kinds(admin(COUNTY))).toEqual([]);
    expect(await kinds(people.inspector(CITY))).not.toContain('CALENDAR_NOT_LOADED');
    expect(await kinds(people.leader(CITY))).not.toContain('CALENDAR_NOT_LOADED');
    const id = page.edges[0]!.node.id;
    expect(await db.alerts.find(people.inspector(CITY), id)).toBeNull();
    expect(await db.alerts.find(admin(CITY), id)).not.toBeNull();
  });
});
