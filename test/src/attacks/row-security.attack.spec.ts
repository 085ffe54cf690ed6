import { randomUUID } from 'node:crypto';
import { requestScope, Role } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { fileCase, publishTestPower } from '../support/case-fixtures';
import { startStack, type Stack } from '../support/start-stack';

const COUNTY = '139901000000';
const OTHER_COUNTY = '139902000000';

/**
 * Issue 12, item 2: row-level security is a second layer under the services' own scope filters.
 * A statement that forgets its filter (a new loader, a hand-written report) run on a service's
 * connection sees only the caller's subtree, and nothing at all without a caller. Before, the
 * services connected as a superuser and no table had a policy: such a statement saw every row.
 */
describe('attack: a query without its scope filter on a service connection', () => {
  let stack: Stack;
  let owner: DataSource;
  let service: DataSource;
  const inScopeOf = <T>(unit: string, fn: () => Promise<T>) =>
    requestScope.run(() => {
      requestScope.enter({ subject: 'inspector', role: Role.INSPECTOR, unit });
      return fn();
    });
  const countAlerts = async (): Promise<number> =>
    Number(((await service.query('SELECT count(*) AS n FROM alert')) as { n: string }[])[0]!.n);

  beforeAll(async () => {
    stack = await startStack();
    owner = stack.subgraphs['alerts']!.dataSource;
    service = stack.subgraphs['alerts']!.serviceDataSource;
    for (const unit of [COUNTY, OTHER_COUNTY])
      await owner.query(
        `INSERT INTO alert (id, kind, level, unit_code, subject_type, subject_id, dedupe_key, title, details, source, source_event_id, raised_at, status)
         VALUES ($1, 'CARD', 'RED', $2, 'Unit', $3, $4, 'rls probe', '{}', 'cases', 0, now(), 'OPEN')`,
        [randomUUID(), unit, unit, `rls-probe-${unit}`],
      );
  });
  afterAll(() => stack.stop());

  it('puts every table of scoped rows under a forced policy', async () => {
    const tables: { name: string; forced: boolean; policies: number }[] = await owner.query(
      `SELECT n.nspname || '.' || c.relname AS name, c.relrowsecurity AND c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE (n.nspname, c.relname) IN (('alerts', 'alert'), ('cases', 'case'), ('complaints', 'complaint'), ('complaints', 'notice'), ('evaluations', 'rating'))
        ORDER BY 1`,
    );
    expect(tables).toEqual([
      { name: 'alerts.alert', forced: true, policies: 1 },
      { name: 'cases.case', forced: true, policies: 1 },
      { name: 'complaints.complaint', forced: true, policies: 1 },
      { name: 'complaints.notice', forced: true, policies: 1 },
      { name: 'evaluations.rating', forced: true, policies: 1 },
    ]);
  });

  it('sees no alert at all without a caller, though the table has alerts of two counties', async () => {
    const [{ n }] = await owner.query('SELECT count(*)::int AS n FROM alert');
    expect(n).toBeGreaterThanOrEqual(2);
    expect(await countAlerts()).toBe(0);
    expect(await requestScope.run(countAlerts)).toBe(0);
  });

  it("sees only the caller's county, though the statement names none", async () => {
    const units = await inScopeOf(COUNTY, () =>
      service.query('SELECT DISTINCT substr(unit_code, 1, 6) AS c FROM alert'),
    );
    expect(units).toEqual([{ c: '139901' }]);
    // a background job (the consumer, the feed for the gateway) sees every unit, deliberately
    expect(await requestScope.asSystem(countAlerts)).toBeGreaterThanOrEqual(2);
  });

  it("cannot change or take over another county's alert", async () => {
    const [, touched] = await inScopeOf(COUNTY, () =>
      service.query(`UPDATE alert SET status = 'DISPOSED' WHERE unit_code = $1`, [OTHER_COUNTY]),
    );
    expect(touched).toBe(0);
    await expect(
      inScopeOf(COUNTY, () =>
        service.query(`UPDATE alert SET unit_code = $1 WHERE unit_code = $2`, [OTHER_COUNTY, COUNTY]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot switch row-level security off, and the policy keeps the unit index usable', async () => {
    await expect(service.query('ALTER TABLE alert DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
    await expect(service.query('ALTER TABLE alert NO FORCE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
    const plan = await inScopeOf(COUNTY, () =>
      service.transaction(async (em) => {
        await em.query('SET LOCAL enable_seqscan = off'); // a handful of rows: ask whether the index can serve the policy
        const rows: { 'QUERY PLAN': string }[] = await em.query('EXPLAIN SELECT id FROM alert');
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      }),
    );
    expect(plan).toMatch(/Index (Only )?Scan using alert_unit|Bitmap Index Scan on alert_unit/);
    expect(plan).toContain("current_setting('sunlight.scope_low'");
  });

  it('shows a case to its county and nobody else, while the public still finds it by number and code', async () => {
    const powerId = await publishTestPower(stack, { unit: COUNTY, code: 'RLS-CASE-001' });
    const filed = await fileCase(stack, COUNTY, powerId, 'rls-case-file-1');
    expect(filed.errors).toBeUndefined();
    const { number } = filed.data!.fileCase.case;
    const cases = stack.subgraphs['cases']!.serviceDataSource;
    const countCases = async () =>
      Number(((await cases.query('SELECT count(*) AS n FROM "case"')) as { n: string }[])[0]!.n);
    expect(Number((await stack.subgraphs['cases']!.dataSource.query('SELECT count(*) AS n FROM "case"'))[0].n)).toBe(1);
    expect(await countCases()).toBe(0);
    expect(await inScopeOf(OTHER_COUNTY, countCases)).toBe(0);
    expect(await inScopeOf(COUNTY, countCases)).toBe(1);
    const progress = await stack.gql<{ caseProgress: { status: string } }>(
      `{ caseProgress(number: "${number}", queryCode: "${filed.data!.fileCase.queryCode}") { status } }`,
    );
    expect(progress.errors).toBeUndefined();
    expect(progress.data!.caseProgress.status).toBe('RECEIVED');
  });

  it("hides another county's rating comments from a statement that names no county", async () => {
    await stack.subgraphs['evaluations']!.dataSource.query(
      `INSERT INTO rating (id, source, unit_code, department_id, score, comment, rated_on)
       VALUES ($1, 'CASE', $2, $3, 1, '办事拖拉', current_date)`,
      [randomUUID(), OTHER_COUNTY, randomUUID()],
    );
    const evaluations = stack.subgraphs['evaluations']!.serviceDataSource;
    const comments = () => evaluations.query('SELECT comment FROM rating WHERE comment IS NOT NULL');
    expect(await inScopeOf(COUNTY, comments)).toEqual([]);
    expect(await comments()).toEqual([]);
    expect(await inScopeOf(OTHER_COUNTY, comments)).toEqual([{ comment: '办事拖拉' }]);
  });

  it("keeps both unit indexes usable under the complaint policy (handler's unit or accused unit)", async () => {
    const complaints = stack.subgraphs['complaints']!.serviceDataSource;
    const plan = await inScopeOf(COUNTY, () =>
      complaints.transaction(async (em) => {
        await em.query('SET LOCAL enable_seqscan = off');
        const rows: { 'QUERY PLAN': string }[] = await em.query('EXPLAIN SELECT id FROM complaint');
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      }),
    );
    expect(plan).toMatch(/BitmapOr/);
    expect(plan).toMatch(/Bitmap Index Scan on complaint_handler/);
    expect(plan).toMatch(/Bitmap Index Scan on complaint_accused/);
  });
});
