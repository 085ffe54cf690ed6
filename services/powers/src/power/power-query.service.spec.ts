import { cursor, PUBLIC_PRINCIPAL, Role, type Principal } from '@sunlight/shared';
import { aPower } from '../testing/power-input.builder';
import { openSeededCatalog, type SeededCatalog } from '../testing/seeded-catalog';
import type { CatalogFilter } from './power-query.service';
import { PowerCategory } from './power-category';
import type { Power } from './power.type';

const CITY = '139900000000';
const COUNTY = '139901000000';
const VILLAGE = '139901001001';

/** The catalog of a county as staff see it (latest versions), for counts to check against. */
const STAFF_COUNTY_FROM = `FROM power p JOIN power_version v ON v.power_id = p.id AND v.version = p.latest_version WHERE p.unit_code LIKE '139901%'`;

describe('PowerQueryService', () => {
  let c: SeededCatalog;
  let draftId: string;
  let retiredId: string;
  let editedId: string;

  beforeAll(async () => {
    c = await openSeededCatalog();
    const admin = c.as(Role.ADMIN, COUNTY);
    const make = (code: string) =>
      c.powers.create(
        admin,
        aPower().inUnit(c.data, COUNTY).withCode(code).withName(`${code} 原名`).build(),
        `query-create-${code}`,
      );
    draftId = (await make('Q-DRAFT')).id;
    retiredId = (await make('Q-RETIRED')).id;
    await c.powers.publish(admin, retiredId, 'query-publish-retired');
    await c.powers.retire(admin, retiredId, '事项取消', 'query-retire-retired');
    editedId = (await make('Q-EDITED')).id;
    await c.powers.publish(admin, editedId, 'query-publish-edited');
    await c.powers.update(admin, editedId, { name: 'Q-EDITED 新名' }, 'query-update-edited');
  });
  afterAll(() => c.close());

  /** Every node of the catalog, page by page. */
  const listAll = async (
    principal: Principal,
    unit: string | undefined,
    filter: CatalogFilter = {},
    first = 100,
  ): Promise<Power[]> => {
    const nodes: Power[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page = await c.reads().list(principal, unit, filter, first, after);
      expect(page.edges.length).toBeLessThanOrEqual(first);
      nodes.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) return nodes;
      expect(page.edges).toHaveLength(first);
      after = page.pageInfo.endCursor;
    }
    throw new Error('more than 100 pages');
  };

  describe('scope', () => {
    it("lists a county inspector's subtree only, drafts and retired powers included", async () => {
      const inspector = c.as(Role.INSPECTOR, COUNTY);
      const nodes = await listAll(inspector, undefined);
      expect(nodes.length).toBe(await c.count(`SELECT count(*) ${STAFF_COUNTY_FROM}`));
      expect(nodes.every((n) => n.unitCode.startsWith('139901'))).toBe(true);
      expect(new Set(nodes.map((n) => n.unitCode.slice(0, 9))).size).toBeGreaterThan(1);
      expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining([draftId, retiredId, editedId]));
      expect(await (await c.reads().list(inspector, undefined, {}, 1)).totalCount()).toBe(nodes.length);
    });

    it('lists only its own village for a village clerk', async () => {
      const nodes = await listAll(c.as(Role.CLERK, VILLAGE), undefined);
      expect(nodes.length).toBe(await c.count('SELECT count(*) FROM power WHERE unit_code = $1', [VILLAGE]));
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes.every((n) => n.unitCode === VILLAGE)).toBe(true);
    });

    it('refuses a unit outside the caller’s subtree with OUT_OF_SCOPE', async () => {
      const outOfScope = { extensions: { code: 'OUT_OF_SCOPE', field: 'unit' } };
      await expect(c.reads().list(c.as(Role.INSPECTOR, COUNTY), '139902000000', {}, 10)).rejects.toMatchObject(
        outOfScope,
      );
      await expect(c.reads().list(c.as(Role.INSPECTOR, COUNTY), CITY, {}, 10)).rejects.toMatchObject(outOfScope);
      await expect(c.reads().list(c.as(Role.CLERK, VILLAGE), '139901001000', {}, 10)).rejects.toMatchObject(outOfScope);
    });

    it('shows the public only published powers, at their published version, across the city', async () => {
      const nodes = await listAll(PUBLIC_PRINCIPAL, undefined);
      expect(nodes.length).toBe(await c.count("SELECT count(*) FROM power WHERE status = 'PUBLISHED'"));
      expect(nodes.every((n) => n.status === 'PUBLISHED' && n.state === 'PUBLISHED')).toBe(true);
      expect(new Set(nodes.map((n) => n.unitCode.slice(0, 6)))).toEqual(
        new Set(['139900', '139901', '139902', '139903', '139904', '139905']),
      );
      const ids = nodes.map((n) => n.id);
      expect(ids).not.toContain(draftId);
      expect(ids).not.toContain(retiredId);
      expect(nodes.find((n) => n.id === editedId)).toMatchObject({ version: 1, name: 'Q-EDITED 原名' });
      const staffView = await c.reads().list(c.as(Role.ADMIN, COUNTY), undefined, { text: 'Q-EDITED' }, 10);
      expect(staffView.edges.map((e) => [e.node.version, e.node.name])).toEqual([[2, 'Q-EDITED 新名']]);
    });
  });

  describe('filters', () => {
    const scopeOf = () => c.as(Role.INSPECTOR, COUNTY);
    const departmentId = () => c.data.departments.find((d) => d.unitCode === COUNTY && d.code === 'SCJG')!.id;
    const cases: [string, () => CatalogFilter, string, () => unknown[], (p: Power) => boolean][] = [
      [
        'category',
        () => ({ category: PowerCategory.PENALTY }),
        `AND v.category = 'PENALTY'`,
        () => [],
        (p) => p.category === PowerCategory.PENALTY,
      ],
      [
        'riskLevel',
        () => ({ riskLevel: 1 }),
        'AND EXISTS (SELECT 1 FROM risk_point r WHERE r.power_id = p.id AND r.version = v.version AND r.level = 1)',
        () => [],
        () => true,
      ],
      [
        'text',
        () => ({ text: 'xk-00' }),
        `AND (strpos(lower(v.name), 'xk-00') > 0 OR strpos(lower(p.code), 'xk-00') > 0)`,
        () => [],
        (p) => p.code.toLowerCase().includes('xk-00'),
      ],
      [
        'text in a name',
        () => ({ text: '许可' }),
        `AND strpos(v.name, '许可') > 0`,
        () => [],
        (p) => p.name.includes('许可'),
      ],
      [
        'principalLeader (一把手职权)',
        () => ({ principalLeader: true }),
        'AND v.principal_leader',
        () => [],
        (p) => p.principalLeader,
      ],
      [
        'principalLeader: false',
        () => ({ principalLeader: false }),
        'AND NOT v.principal_leader',
        () => [],
        (p) => !p.principalLeader,
      ],
      [
        'catalogCode',
        () => ({ catalogCode: '139901001000-XK-001' }),
        `AND p.catalog_code = '139901001000-XK-001'`,
        () => [],
        (p) => p.unitCode === '139901001000' && p.code === 'XK-001',
      ],
      [
        'departmentId',
        () => ({ departmentId: departmentId() }),
        'AND v.department_id = $1',
        () => [departmentId()],
        (p) => p.departmentId === departmentId(),
      ],
    ];

    it.each(cases)('filters by %s exactly as SQL counts it', async (_name, filter, sql, params, holds) => {
      const expected = await c.count(`SELECT count(*) ${STAFF_COUNTY_FROM} ${sql}`, params());
      const all = await c.count(`SELECT count(*) ${STAFF_COUNTY_FROM}`);
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(all);
      const page = await c.reads().list(scopeOf(), undefined, filter(), 100);
      expect(await page.totalCount()).toBe(expected);
      expect(page.edges).toHaveLength(expected);
      expect(page.edges.every((e) => holds(e.node))).toBe(true);
    });

    it('refuses a risk level outside 1-3', async () => {
      await expect(c.reads().list(scopeOf(), undefined, { riskLevel: 4 }, 10)).rejects.toMatchObject({
        extensions: { code: 'VALIDATION_FAILED', field: 'filter.riskLevel' },
      });
    });

    it('takes % and _ in the text literally', async () => {
      const admin = c.as(Role.ADMIN, CITY);
      for (const text of ['%', '_', '50%', 'X_'])
        expect(await (await c.reads().list(admin, undefined, { text }, 10)).totalCount()).toBe(0);
      const made = await c.powers.create(
        admin,
        aPower().inUnit(c.data, CITY).withCode('XY-50').withName('费用减免50%').build(),
        'query-create-percent',
      );
      for (const text of ['%', '50%']) {
        const page = await c.reads().list(admin, undefined, { text }, 10);
        expect(page.edges.map((e) => e.node.id)).toEqual([made.id]);
        expect(await page.totalCount()).toBe(1);
      }
      // Unescaped, 'X_' would match the code 'XY-50'.
      expect(await (await c.reads().list(admin, undefined, { text: 'X_' }, 10)).totalCount()).toBe(0);
      expect(await (await c.reads().list(admin, undefined, { text: 'XY' }, 10)).totalCount()).toBe(1);
    });

    it('finds 低保 inside the names that spell it out (最低生活保障), for the public (issue 16)', async () => {
      const page = await c.reads().list(PUBLIC_PRINCIPAL, undefined, { text: '低保' }, 100);
      const names = page.edges.map((e) => e.node.name);
      const [{ n }] = (await c.ds.query(
        `SELECT count(*)::int AS n FROM power p JOIN power_version v ON v.power_id = p.id AND v.version = p.published_version
          WHERE p.status = 'PUBLISHED' AND strpos(v.name, '最低生活保障') > 0`,
      )) as [{ n: number }];
      expect(n).toBeGreaterThan(0);
      expect(await page.totalCount()).toBe(n);
      for (const name of names) expect(name).toContain('最低生活保障');
    });
  });

  describe('city-wide code (唯一编号, issue 16)', () => {
    it('gives every power of the city a unique code beside its unit code, though unit codes repeat', async () => {
      const nodes = await listAll(c.as(Role.ADMIN, CITY), undefined);
      expect(nodes.length).toBe(await c.count('SELECT count(*) FROM power'));
      const repeated = nodes.filter((n) => n.code === 'XK-001');
      expect(new Set(repeated.map((n) => n.unitCode)).size).toBeGreaterThan(3);
      for (const n of nodes) expect(n.catalogCode).toBe(`${n.unitCode}-${n.code}`);
      expect(new Set(nodes.map((n) => n.catalogCode)).size).toBe(nodes.length);
    });

    it('keeps the code across versions and finds the one power by it, for the public too', async () => {
      const staff = await c.reads().get(c.as(Role.ADMIN, COUNTY), editedId);
      const published = await c.reads().get(PUBLIC_PRINCIPAL, editedId);
      expect([staff.version, published.version]).toEqual([2, 1]);
      expect(staff.catalogCode).toBe(`${COUNTY}-Q-EDITED`);
      expect(published.catalogCode).toBe(staff.catalogCode);

      const other = c.data.powers.find((p) => p.unitCode === '139902000000' && p.code === 'XK-001')!;
      for (const filter of [{ catalogCode: '139902000000-XK-001' }, { text: '139902000000-xk-001' }]) {
        const page = await c.reads().list(PUBLIC_PRINCIPAL, undefined, filter, 10);
        expect(page.edges.map((e) => e.node.id)).toEqual([other.id]);
        expect(await page.totalCount()).toBe(1);
      }
      // Part of a unit code is no search for a power code: it would match every power of the unit.
      expect(await (await c.reads().list(PUBLIC_PRINCIPAL, undefined, { text: '139902000000' }, 10)).totalCount()).toBe(
        0,
      );
    });
  });

  describe('text search inside Chinese names (issue 16)', () => {
    it('finds a plain word in the middle of a name: 广告 finds 对发布虚假广告的处罚', async () => {
      const nodes = await listAll(PUBLIC_PRINCIPAL, undefined, { text: '广告' });
      const names = new Set(nodes.map((n) => n.name));
      expect(names).toContain('对发布虚假广告的处罚');
      expect(names).toContain('户外广告设置许可');
      for (const name of names) expect(name).toContain('广告');
      const [{ n }] = (await c.ds.query(
        `SELECT count(*)::int AS n FROM power p JOIN power_version v ON v.power_id = p.id AND v.version = p.published_version
          WHERE p.status = 'PUBLISHED' AND strpos(v.name, '广告') > 0`,
      )) as [{ n: number }];
      expect(nodes).toHaveLength(n);
    });
  });

  describe('pagination', () => {
    it('walks the public catalog 7 at a time with no gap and no duplicate, in unit and code order', async () => {
      const walked = await listAll(PUBLIC_PRINCIPAL, undefined, {}, 7);
      const ordered = (
        (await c.ds.query("SELECT id FROM power WHERE status = 'PUBLISHED' ORDER BY unit_code, code")) as {
          id: string;
        }[]
      ).map((r) => r.id);
      expect(ordered.length).toBeGreaterThan(7 * 10);
      expect(new Set(walked.map((n) => n.id)).size).toBe(walked.length);
      expect(walked.map((n) => n.id)).toEqual(ordered);
    });

    it('walks a staff subtree 7 at a time the same way', async () => {
      const walked = await listAll(c.as(Role.LEADER, '139901001000'), undefined, {}, 7);
      const ordered = (
        (await c.ds.query("SELECT id FROM power WHERE unit_code LIKE '139901001%' ORDER BY unit_code, code")) as {
          id: string;
        }[]
      ).map((r) => r.id);
      expect(ordered.length).toBeGreaterThan(7);
      expect(walked.map((n) => n.id)).toEqual(ordered);
    });

    it.each([0, 101])('refuses first = %d', async (first) => {
      await expect(c.reads().list(PUBLIC_PRINCIPAL, undefined, {}, first)).rejects.toMatchObject({
        extensions: { code: 'VALIDATION_FAILED', field: 'first' },
      });
    });

    it.each([
      ['garbage', 'not-a-cursor!'],
      ['a cursor of the wrong shape', cursor.encode(['139901000000'])],
      ['base64 of something else', Buffer.from('{"unit":1}').toString('base64url')],
    ])('refuses %s as `after` with BAD_CURSOR', async (_name, after) => {
      await expect(c.reads().list(PUBLIC_PRINCIPAL, undefined, {}, 10, after)).rejects.toMatchObject({
        extensions: { code: 'BAD_CURSOR', field: 'after' },
      });
    });
  });
});
