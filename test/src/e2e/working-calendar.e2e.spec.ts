import { CardScheduler } from '@sunlight/cases';
import { createLogger, requestScope, Role } from '@sunlight/shared';
import { fictionalHolidayNotice } from '@sunlight/shared/testing';
import { fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const CITY = '139900000000';
const COUNTY = '139901000000';
const VILLAGE = '139902001003';

const LOAD = `mutation($input: HolidayNoticeInput!, $key: String!) {
  loadHolidayNotice(input: $input, idempotencyKey: $key) { loadId year changed loadedBy unitCode via days }
}`;

/** The shared working calendar through the gateway: one calendar for cases and complaints. */
describe('the working calendar, end to end', () => {
  let stack: Stack;
  const { title, number, days, offDays } = fictionalHolidayNotice(2099); // fictional, test database only
  const input = { year: 2099, title, number, days };

  beforeAll(async () => {
    stack = await startStack({ alerts: true });
  });
  afterAll(() => stack.stop());

  it('is loaded only by an ADMIN of the city', async () => {
    for (const [role, unit] of [
      [Role.ADMIN, COUNTY],
      [Role.INSPECTOR, CITY],
      [Role.LEADER, CITY],
    ] as const) {
      const res = await stack.gql(LOAD, {
        token: await stack.tokenFor(role, unit),
        variables: { input, key: 'calendar-e2e-refused' },
      });
      expect({ role, unit, code: res.errors?.[0]?.extensions?.code }).toEqual({
        role,
        unit,
        code: 'CALENDAR_LOAD_FORBIDDEN',
      });
    }
  });

  it('refuses a wrong notice with a code and field', async () => {
    const res = await stack.gql(LOAD, {
      token: await stack.tokenFor(Role.ADMIN, CITY),
      variables: {
        input: { ...input, days: [...days, { date: '2099-03-10', working: true, note: '调休' }] },
        key: 'calendar-e2e-wrong',
      },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'CALENDAR_MAKEUP_NOT_WEEKEND',
      field: 'days[3].working',
    });
  });

  it("loads once, idempotently, and both services' clocks count with it without a restart", async () => {
    const token = await stack.tokenFor(Role.ADMIN, CITY);
    expect(stack.cases.config().calendar.isWorkingDay(offDays[0]!)).toBe(true);
    expect(stack.complaints.config().calendar.isWorkingDay(offDays[0]!)).toBe(true);
    const first = await stack.gql<{ loadHolidayNotice: Record<string, unknown> }>(LOAD, {
      token,
      variables: { input, key: 'calendar-e2e-load' },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data?.loadHolidayNotice).toMatchObject({
      year: 2099,
      changed: true,
      unitCode: CITY,
      via: 'MUTATION',
      days: 3,
    });
    const retry = await stack.gql<{ loadHolidayNotice: Record<string, unknown> }>(LOAD, {
      token,
      variables: { input, key: 'calendar-e2e-load' },
    });
    expect(retry.data?.loadHolidayNotice).toEqual(first.data?.loadHolidayNotice);

    const until = Date.now() + 10_000;
    const loaded = () =>
      [stack.cases, stack.complaints].every((s) => s.config().calendar.years?.includes(2099) === true);
    while (!loaded() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(stack.cases.config().calendar.isWorkingDay(offDays[0]!)).toBe(false);
    expect(stack.complaints.config().calendar.isWorkingDay(offDays[0]!)).toBe(false);

    const years = await stack.gql<{ workingCalendarYears: { year: number; via: string }[] }>(
      '{ workingCalendarYears { year via } }',
      { token },
    );
    expect(years.data?.workingCalendarYears).toEqual([
      { year: 2026, via: 'MIGRATION' },
      { year: 2099, via: 'MUTATION' },
    ]);
  });

  it('marks a deadline that counts days of a year not loaded as provisional', async () => {
    // 60 working days from today (December 2026 or later) reach 2027 or later, which this database does not have.
    const powerId = await publishTestPower(stack, {
      unit: VILLAGE,
      code: 'CAL-1',
      steps: [{ name: '受理', days: 60 }],
      statutoryDays: 60,
      promisedDays: 60,
    });
    const filed = await fileCase(stack, VILLAGE, powerId, 'calendar-e2e-file-0001');
    expect(filed.errors).toBeUndefined();
    const res = await stack.gql<{ case: { currentStepDeadline: string; currentStepDeadlineProvisional: boolean } }>(
      `query($id: ID!) { case(id: $id) { currentStepDeadline currentStepDeadlineProvisional } }`,
      { token: await stack.tokenFor(Role.LEADER, VILLAGE), variables: { id: filed.data!.fileCase.case.id } },
    );
    expect(res.errors).toBeUndefined();
    expect(Number(res.data!.case.currentStepDeadline.slice(0, 4))).toBeGreaterThan(2026);
    expect(res.data!.case.currentStepDeadlineProvisional).toBe(true);

    // The clocks find the gap (twice, and a second case too): the city's admins get one alert.
    await fileCase(stack, VILLAGE, powerId, 'calendar-e2e-file-0002');
    const scheduler = new CardScheduler(
      stack.subgraphs['cases']!.serviceDataSource,
      stack.cases.config(),
      createLogger('test'),
    );
    // As the service runs it: its own role, with the system scope background work has.
    await requestScope.asSystem(() => scheduler.runOnce());
    await requestScope.asSystem(() => scheduler.runOnce());
    const year = Number(res.data!.case.currentStepDeadline.slice(0, 4));
    const query =
      '{ alerts(first: 20, filter: { kinds: [CALENDAR_NOT_LOADED] }) { edges { node { kind level unit { code } details { ... on CalendarAlertDetails { year cityCode } } } } } }';
    const admin = await stack.tokenFor(Role.ADMIN, CITY);
    type Alerts = { alerts: { edges: { node: Record<string, unknown> }[] } };
    let alerts = await stack.gql<Alerts>(query, { token: admin });
    for (const until = Date.now() + 15_000; (alerts.data?.alerts.edges.length ?? 0) === 0 && Date.now() < until;)
      alerts = await new Promise((r) => setTimeout(r, 200)).then(() => stack.gql<Alerts>(query, { token: admin }));
    await new Promise((r) => setTimeout(r, 1000)); // a second alert, were there one, would be in by now
    alerts = await stack.gql<Alerts>(query, { token: admin });
    // This case needs every year from the first it counts to its deadline's (2026 is loaded).
    const needed: number[] = [];
    for (let y = Math.max(2027, new Date().getFullYear()); y <= year; y++) needed.push(y);
    const nodes = alerts.data?.alerts.edges.map((e) => e.node) ?? [];
    const years = nodes.map((n) => (n['details'] as { year: number }).year);
    expect(years).toEqual(expect.arrayContaining(needed));
    expect(new Set(years).size).toBe(years.length); // one per year, however many cases and runs
    for (const n of nodes)
      expect(n).toMatchObject({
        kind: 'CALENDAR_NOT_LOADED',
        level: 'RED',
        unit: { code: CITY },
        details: { cityCode: CITY },
      });
    const inspector = await stack.gql<Alerts>(query, { token: await stack.tokenFor(Role.INSPECTOR, CITY) });
    expect(inspector.data?.alerts.edges).toEqual([]);
  });
});
