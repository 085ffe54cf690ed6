import { ASSERTION_HEADER, Role } from '@sunlight/shared';
import { startStack, type Stack } from '../support/start-stack';

const CITY = '139900000000';
const COUNTY = '139901000000';
const SIBLING_COUNTY = '139902000000';
const VILLAGE = '139901001001';
const SIBLING_VILLAGE = '139901001002';

interface CatalogData {
  powers: {
    totalCount: number;
    edges: { node: { id: string; unitCode: string; status: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Every power an identity can list under `unit`, following all pages. */
async function listAll(
  stack: Stack,
  token: string | undefined,
  unit?: string,
): Promise<{ id: string; unitCode: string; status: string }[]> {
  const nodes: { id: string; unitCode: string; status: string }[] = [];
  let after: string | null = null;
  do {
    const res: Awaited<ReturnType<Stack['gql']>> = await stack.gql<CatalogData>(
      'query($unit: ID, $after: String) { powers(first: 100, after: $after, unit: $unit) { totalCount edges { node { id unitCode status } } pageInfo { hasNextPage endCursor } } }',
      { token, variables: { unit, after } },
    );
    expect(res.errors).toBeUndefined();
    const page = (res.data as unknown as CatalogData).powers;
    nodes.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

describe('scope across tiers, through the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('a county inspector reads its own subtree and nothing of a sibling county', async () => {
    const token = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const own = await listAll(stack, token);
    expect(own.length).toBeGreaterThan(40); // the county's 40 plus its townships' and villages'
    expect(own.every((p) => p.unitCode.startsWith('139901'))).toBe(true);

    const sibling = await stack.gql('{ powers(first: 5, unit: "139902000000") { totalCount } }', { token });
    expect(sibling.errors?.[0]?.extensions).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(sibling.data).toBeNull();

    const unit = await stack.gql('{ unit(code: "139902000000") { name } }', { token });
    expect(unit.errors?.[0]?.extensions?.code).toBe('OUT_OF_SCOPE');

    const city = await stack.gql<{ unit: { name: string; parent: unknown; children: { code: string }[] } }>(
      `{ unit(code: "${COUNTY}") { name parent { code } children { code } } }`,
      { token },
    );
    expect(city.data?.unit.parent).toBeNull(); // the city is above the inspector's scope
    expect(city.data?.unit.children.map((c) => c.code)).toEqual(['139901001000', '139901002000', '139901003000']);

    const sibPower = (await listAll(stack, await stack.tokenFor(Role.INSPECTOR, SIBLING_COUNTY)))[0]!;
    const direct = await stack.gql(`{ power(id: "${sibPower.id}") { name } }`, { token });
    expect(direct.errors?.[0]?.extensions?.code).toBe('POWER_NOT_FOUND');
  });

  it('a county inspector gets nothing of a sibling county through _entities', async () => {
    const inspector = { subject: `inspector.${COUNTY}`, role: Role.INSPECTOR, unit: COUNTY };
    const sibPower = (await listAll(stack, await stack.tokenFor(Role.INSPECTOR, SIBLING_COUNTY)))[0]!;
    const ownPower = (await listAll(stack, await stack.tokenFor(Role.INSPECTOR, COUNTY)))[0]!;
    const res = await stack.gql<{ _entities: ({ code?: string; name?: string; id?: string } | null)[] }>(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Unit { code name } ... on Power { id name } } }`,
      {
        url: stack.subgraphs['powers']!.url,
        headers: { [ASSERTION_HEADER]: await stack.tokens.assert(inspector) },
        variables: {
          reps: [
            { __typename: 'Unit', code: SIBLING_COUNTY },
            { __typename: 'Unit', code: '139902001001' },
            { __typename: 'Power', id: sibPower.id },
            { __typename: 'Power', id: sibPower.id, version: 1 },
            { __typename: 'Unit', code: VILLAGE },
            { __typename: 'Power', id: ownPower.id },
          ],
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const entities = res.data!._entities;
    expect(entities.slice(0, 4)).toEqual([null, null, null, null]);
    expect(entities[4]).toMatchObject({ code: VILLAGE });
    expect(entities[5]).toMatchObject({ id: ownPower.id });
  });

  it('a village clerk sees only its village', async () => {
    const token = await stack.tokenFor(Role.CLERK, VILLAGE);
    const own = await listAll(stack, token);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((p) => p.unitCode === VILLAGE)).toBe(true);
    for (const other of [SIBLING_VILLAGE, '139901001000', COUNTY, CITY]) {
      const res = await stack.gql(`{ unit(code: "${other}") { name } }`, { token });
      expect(res.errors?.[0]?.extensions?.code).toBe('OUT_OF_SCOPE');
    }
    const viewer = await stack.gql<{ viewer: { role: string; unitCode: string; tier: string } }>(
      '{ viewer { role unitCode tier } }',
      { token },
    );
    expect(viewer.data?.viewer).toEqual({ role: 'CLERK', unitCode: VILLAGE, tier: 'VILLAGE' });
  });

  it('the city inspector reads every county', async () => {
    const token = await stack.tokenFor(Role.INSPECTOR, CITY);
    const all = await listAll(stack, token);
    expect(new Set(all.map((p) => p.unitCode.slice(0, 6)))).toEqual(
      new Set(['139900', '139901', '139902', '139903', '139904', '139905']),
    );
  });

  it('without a token only published powers and public fields are visible', async () => {
    const admin = await stack.tokenFor(Role.ADMIN, COUNTY);
    const departments = await stack.gql<{
      unit: { departments: { id: string; supervisory: boolean; posts: { id: string }[] }[] };
    }>(`{ unit(code: "${COUNTY}") { departments { id supervisory posts { id } } } }`, { token: admin });
    const dept = departments.data!.unit.departments.find((d) => !d.supervisory && d.posts.length > 0)!;
    const created = await stack.gql<{ createPower: { id: string; status: string } }>(
      `mutation($input: CreatePowerInput!) { createPower(input: $input, idempotencyKey: "e2e-draft-0001") { id status } }`,
      {
        token: admin,
        variables: {
          input: {
            unitCode: COUNTY,
            code: 'E2E-DRAFT',
            name: '草稿事项（未公开）',
            category: 'LICENSING',
            legalBasis: '《测试条例》第一条',
            departmentId: dept.id,
            statutoryDays: 20,
            promisedDays: 10,
            flow: [
              { name: '受理', timeLimitDays: 2 },
              { name: '决定', timeLimitDays: 5 },
            ],
            riskPoints: [{ level: 1, description: '违规审批', measures: ['集体研究'] }],
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createPower.status).toBe('DRAFT');

    const publicList = await listAll(stack, undefined);
    expect(publicList.length).toBe(480); // the seeded catalog (81 demo units since issue 16: 304 before), all published; the draft is not among them
    expect(publicList.every((p) => p.status === 'PUBLISHED')).toBe(true);
    expect(publicList.some((p) => p.id === created.data!.createPower.id)).toBe(false);
    const draft = await stack.gql(`{ power(id: "${created.data!.createPower.id}") { name } }`);
    expect(draft.errors?.[0]?.extensions?.code).toBe('POWER_NOT_FOUND');

    // The public catalog shows posts, supervisor, flow posts, risk points (with colour) and
    // efficiency points, as the seeds publish them (issue 16); checkpoints stay with staff.
    const fields = await stack.gql<{
      powers: {
        edges: {
          node: {
            name: string;
            catalogCode: string;
            riskPoints: { level: number; colour: string }[];
            efficiencyPoints: unknown[];
            checkpoints: unknown[];
            responsiblePost: { name: string } | null;
            supervisor: { name: string } | null;
            flow: { post: { name: string } | null }[];
          };
        }[];
      };
    }>(
      '{ powers(first: 3) { edges { node { name catalogCode riskPoints { level colour } efficiencyPoints { description } checkpoints { kind } responsiblePost { name } supervisor { name } flow { name post { name } } } } } }',
    );
    expect(fields.errors).toBeUndefined();
    for (const { node } of fields.data!.powers.edges) {
      expect(node.riskPoints.length).toBeGreaterThan(0);
      expect(node.riskPoints.every((r) => r.colour === ['RED', 'ORANGE', 'YELLOW'][r.level - 1])).toBe(true);
      expect(node.efficiencyPoints.length).toBeGreaterThan(0);
      expect(node.checkpoints).toEqual([]);
      expect(node.responsiblePost).not.toBeNull();
      expect(node.supervisor).not.toBeNull();
      expect(node.flow.length).toBeGreaterThan(0);
      expect(node.flow.some((s) => s.post !== null)).toBe(true);
    }
    // staff in scope do see the checkpoints
    const staff = await stack.gql<{ powers: { edges: { node: { checkpoints: unknown[] } }[] } }>(
      '{ powers(first: 3) { edges { node { checkpoints { kind } } } } }',
      { token: admin },
    );
    expect(staff.data!.powers.edges.every((e) => e.node.checkpoints.length > 0)).toBe(true);
  });
});
