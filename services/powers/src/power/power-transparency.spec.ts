import { PUBLIC_PRINCIPAL, Role, type Principal } from '@sunlight/shared';
import type { DemoPower } from '../demo/demo-data';
import { aPower } from '../testing/power-input.builder';
import { openSeededCatalog, type SeededCatalog } from '../testing/seeded-catalog';

const COUNTY = '139901000000';
const COLOUR = { 1: ['RED', '一级（红色）'], 2: ['ORANGE', '二级（橙色）'], 3: ['YELLOW', '三级（黄色）'] } as const;

/**
 * What the public catalog shows of a power (issue 16, finding 3): the seeds publish each power's
 * posts, supervisor, flow with its responsible posts, risk points with their level and colour and
 * their prevention measures, and efficiency points; checkpoints and anything personal stay inside.
 */
describe('the public catalog of a power', () => {
  let c: SeededCatalog;
  beforeAll(async () => {
    c = await openSeededCatalog();
  });
  afterAll(() => c.close());

  const run = async <T>(principal: Principal, source: string, variableValues?: Record<string, unknown>) => {
    const result = await c.execute(principal, source, variableValues);
    return { data: result.data as T | undefined, errors: result.errors?.map((e) => e.extensions['code'] ?? e.message) };
  };

  const DETAIL = `id version code catalogCode principalLeader
    responsiblePost { code name } supervisor { name supervisory }
    flow { stepNo name post { code name } }
    riskPoints { stepNo level colour levelLabel description measures }
    efficiencyPoints { stepNo description timeLimitDays }
    checkpoints { kind }`;
  interface Detail {
    id: string;
    version: number;
    code: string;
    catalogCode: string;
    principalLeader: boolean;
    responsiblePost: { code: string; name: string } | null;
    supervisor: { name: string; supervisory: boolean } | null;
    flow: { stepNo: number; name: string; post: { code: string; name: string } | null }[];
    riskPoints: {
      stepNo: number | null;
      level: 1 | 2 | 3;
      colour: string;
      levelLabel: string;
      description: string;
      measures: string[];
    }[];
    efficiencyPoints: { stepNo: number | null; description: string; timeLimitDays: number | null }[];
    checkpoints: { kind: string }[];
  }
  const detail = (principal: Principal, id: string, version?: number) =>
    run<{ power: Detail }>(principal, `query($id: ID!, $v: Int) { power(id: $id, version: $v) { ${DETAIL} } }`, {
      id,
      v: version ?? null,
    });

  /** A county power with every kind of item: risk points of two levels or more, posts on its steps. */
  const richPower = (): DemoPower =>
    c.data.powers.find(
      (p) =>
        p.unitCode === COUNTY &&
        p.postId !== null &&
        new Set(p.riskPoints.map((r) => r.level)).size >= 2 &&
        p.efficiencyPoints.length > 0 &&
        p.checkpoints.length > 0,
    )!;
  const postOf = (id: string | null) => {
    const post = c.data.posts.find((p) => p.id === id);
    return post ? { code: post.code, name: post.name } : null;
  };

  it('shows the public its posts, supervisor, flow posts, risk points with colours and efficiency points', async () => {
    const demo = richPower();
    const { data, errors } = await detail(PUBLIC_PRINCIPAL, demo.id);
    expect(errors).toBeUndefined();
    const supervisor = c.data.departments.find((d) => d.id === demo.supervisorDepartmentId)!;
    expect(data!.power).toMatchObject({
      responsiblePost: postOf(demo.postId),
      supervisor: { name: supervisor.name, supervisory: true },
      flow: demo.flow.map((s) => ({ stepNo: s.stepNo, name: s.name, post: postOf(s.postId) })),
      checkpoints: [],
    });
    expect(data!.power.responsiblePost).not.toBeNull();
    expect(data!.power.flow.some((s) => s.post !== null)).toBe(true);
    const byLevel = (a: { level: number; stepNo: number | null }, b: { level: number; stepNo: number | null }) =>
      a.level - b.level || (a.stepNo ?? 0) - (b.stepNo ?? 0);
    expect([...data!.power.riskPoints].sort(byLevel)).toEqual(
      [...demo.riskPoints].sort(byLevel).map((r) => ({
        stepNo: r.stepNo,
        level: r.level,
        colour: COLOUR[r.level][0],
        levelLabel: COLOUR[r.level][1],
        description: r.description,
        measures: r.measures,
      })),
    );
    expect(data!.power.efficiencyPoints).toEqual(
      expect.arrayContaining(
        demo.efficiencyPoints.map((e) => ({
          stepNo: e.stepNo,
          description: e.description,
          timeLimitDays: e.timeLimitDays,
        })),
      ),
    );
    expect(data!.power.efficiencyPoints).toHaveLength(demo.efficiencyPoints.length);
    // Checkpoints stay with staff.
    const staff = await detail(c.as(Role.INSPECTOR, COUNTY), demo.id);
    expect(staff.data!.power.checkpoints).toHaveLength(demo.checkpoints.length);
  });

  it('marks every level with its colour: 一级 red, 二级 orange, 三级 yellow', async () => {
    const { data } = await run<{ powers: { edges: { node: { riskPoints: Detail['riskPoints'] } }[] } }>(
      PUBLIC_PRINCIPAL,
      `{ powers(first: 100) { edges { node { riskPoints { level colour levelLabel } } } } }`,
    );
    const seen = new Map<number, string>();
    for (const { node } of data!.powers.edges)
      for (const r of node.riskPoints) seen.set(r.level, `${r.colour} ${r.levelLabel}`);
    expect(Object.fromEntries(seen)).toEqual({
      1: 'RED 一级（红色）',
      2: 'ORANGE 二级（橙色）',
      3: 'YELLOW 三级（黄色）',
    });
  });

  it('shows the public the risk points behind a risk-level filter', async () => {
    const { data } = await run<{ powers: { totalCount: number; edges: { node: Detail }[] } }>(
      PUBLIC_PRINCIPAL,
      `{ powers(first: 100, filter: { riskLevel: 1 }) { totalCount edges { node { riskPoints { level colour } } } } }`,
    );
    expect(data!.powers.totalCount).toBeGreaterThan(0);
    for (const { node } of data!.powers.edges)
      expect(node.riskPoints).toEqual(expect.arrayContaining([{ level: 1, colour: 'RED' }]));
  });

  it('shows the public the published version only: a draft’s new risk point and a draft power stay hidden', async () => {
    const demo = richPower();
    const admin = c.as(Role.ADMIN, COUNTY);
    await c.powers.addItem(
      admin,
      demo.id,
      'riskPoints',
      { stepNo: null, level: 1, description: '草稿中的风险点', measures: ['集体研究'] },
      'transparency-draft-risk',
    );
    const open = await detail(PUBLIC_PRINCIPAL, demo.id);
    expect(open.data!.power.version).toBe(1);
    expect(open.data!.power.riskPoints.map((r) => r.description)).not.toContain('草稿中的风险点');
    expect((await detail(PUBLIC_PRINCIPAL, demo.id, 2)).errors).toEqual(['POWER_NOT_FOUND']);
    const staff = await detail(admin, demo.id);
    expect(staff.data!.power.version).toBe(2);
    expect(staff.data!.power.riskPoints.map((r) => r.description)).toContain('草稿中的风险点');

    const draft = await c.powers.create(
      admin,
      aPower().inUnit(c.data, COUNTY).withCode('T-DRAFT-1').withRiskPoint(1).build(),
      'transparency-draft-power',
    );
    expect((await detail(PUBLIC_PRINCIPAL, draft.id)).errors).toEqual(['POWER_NOT_FOUND']);
  });

  it('takes the 一把手 mark from the admin’s power input, through a draft, and filters by it', async () => {
    const admin = c.as(Role.ADMIN, COUNTY);
    const input = { ...aPower().inUnit(c.data, COUNTY).withCode('T-YBS-1').withName('局机关大额资金支出审批').build() };
    const created = await run<{ createPower: { id: string; principalLeader: boolean } }>(
      admin,
      `mutation($input: CreatePowerInput!) { createPower(input: $input, idempotencyKey: "transparency-ybs-create") { id principalLeader } }`,
      { input: { ...input, principalLeader: true } },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPower.id;
    expect(created.data!.createPower.principalLeader).toBe(true);
    await c.powers.publish(admin, id, 'transparency-ybs-publish');
    const unmarked = await run<{ updatePower: { version: number; principalLeader: boolean } }>(
      admin,
      `mutation($id: ID!) { updatePower(id: $id, input: { principalLeader: false }, idempotencyKey: "transparency-ybs-update") { version principalLeader } }`,
      { id },
    );
    expect(unmarked.data!.updatePower).toEqual({ version: 2, principalLeader: false });

    const marked = async (principal: Principal) => {
      const { data } = await run<{ powers: { edges: { node: { id: string } }[] } }>(
        principal,
        `{ powers(first: 100, unit: "${COUNTY}", filter: { principalLeader: true, text: "大额资金支出" }) { edges { node { id } } } }`,
      );
      return data!.powers.edges.map((e) => e.node.id);
    };
    // The public still sees the published version's mark until the draft is published.
    expect(await marked(PUBLIC_PRINCIPAL)).toEqual([id]);
    expect(await marked(admin)).toEqual([]);
    await c.powers.publish(admin, id, 'transparency-ybs-publish-2');
    expect(await marked(PUBLIC_PRINCIPAL)).toEqual([]);
  });

  it('keeps posts out of reach of the public except through a published power', async () => {
    const demo = richPower();
    const { data } = await run<{ _entities: unknown[]; unit: { departments: { posts: unknown[] }[] } }>(
      PUBLIC_PRINCIPAL,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Post { name } } unit(code: "${COUNTY}") { departments { posts { name } } } }`,
      { reps: [{ __typename: 'Post', id: demo.postId }] },
    );
    expect(data!._entities).toEqual([null]);
    expect(data!.unit.departments.every((d) => d.posts.length === 0)).toBe(true);
  });

  it('shows nothing personal: no account name or subject in the public catalog', async () => {
    const { data, errors } = await run<unknown>(
      PUBLIC_PRINCIPAL,
      `{ powers(first: 100, unit: "${COUNTY}") { edges { node { ${DETAIL} unit { name } department { name } versions { version } } } } }`,
    );
    expect(errors).toBeUndefined();
    const text = JSON.stringify(data);
    const people = c.data.accounts.filter((a) => a.unitCode.startsWith(COUNTY.slice(0, 6)));
    expect(people.length).toBeGreaterThan(0);
    for (const a of people) {
      expect(text).not.toContain(a.subject);
      expect(text).not.toContain(a.name);
    }
    expect(text).not.toContain('"seed"');
  });
});
