import { DEMO_PASSWORD } from '@sunlight/powers';
import { authPost } from '../support/auth-http';
import { startStack, type GqlResult, type Stack } from '../support/start-stack';

const CITY = '139900000000';
const COUNTY = '139901000000';
const SIBLING_COUNTY = '139902000000';
const TOWNSHIP = '139901001000';
const ACCOUNT = 'subject name role unitCode departmentId postId status';

/**
 * An ADMIN manages the accounts of its own subtree (issue 13, Build 1), and an ADMIN trying to
 * reach across tiers (a neighbouring county, the city above) is refused, as is a non-admin.
 */
describe('account management by an ADMIN of its subtree', () => {
  let stack: Stack;
  let countyAdmin: string;
  let n = 0;
  const signIn = async (subject: string, password = DEMO_PASSWORD): Promise<string | undefined> =>
    (await authPost(stack.gatewayUrl, '/auth/login', { body: { subject, password }, from: `127.0.1.${++n}` })).body
      .accessToken;
  const run = <T = Record<string, unknown>>(token: string, query: string, variables: Record<string, unknown>) =>
    stack.gql<T>(query, { token, variables });
  const codeOf = (r: GqlResult<unknown>): string | undefined => r.errors?.[0]?.extensions?.code;
  const create = (token: string, input: Record<string, unknown>) =>
    run(token, `mutation($i: CreateAccountInput!) { createAccount(input: $i) { ${ACCOUNT} } }`, { i: input });

  beforeAll(async () => {
    stack = await startStack();
    countyAdmin = (await signIn(`admin.${COUNTY}`))!;
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('creates an account in a township of its county; the new account signs in with its initial password', async () => {
    const created = await create(countyAdmin, {
      subject: 'zhang.wei',
      name: '张伟',
      role: 'CLERK',
      unitCode: TOWNSHIP,
      initialPassword: 'Chushi2026mima',
    });
    expect(created.errors).toBeUndefined();
    expect(created.data).toEqual({
      createAccount: {
        subject: 'zhang.wei',
        name: '张伟',
        role: 'CLERK',
        unitCode: TOWNSHIP,
        departmentId: null,
        postId: null,
        status: 'ACTIVE',
      },
    });
    const first = await authPost(stack.gatewayUrl, '/auth/login', {
      body: { subject: 'zhang.wei', password: 'Chushi2026mima' },
      from: '127.0.2.1',
    });
    // an initial password is the ADMIN's choice: the owner is told to change it
    expect(first.body.mustChangePassword).toBe(true);
    const token = first.body.accessToken;
    expect(token).toBeDefined();
    const viewer = await stack.gql<{ viewer: { subject: string } }>('{ viewer { subject } }', { token: token! });
    expect(viewer.data?.viewer.subject).toBe('zhang.wei');
    const changed = await run(
      token!,
      'mutation { changeMyPassword(currentPassword: "Chushi2026mima", newPassword: "Ziji2026mima") }',
      {},
    );
    expect(changed.data).toEqual({ changeMyPassword: true });
    const own = await authPost(stack.gatewayUrl, '/auth/login', {
      body: { subject: 'zhang.wei', password: 'Ziji2026mima' },
      from: '127.0.2.3',
    });
    expect(own.body.mustChangePassword).toBe(false);
    expect(
      codeOf(
        await create(countyAdmin, {
          subject: 'zhang.wei',
          name: '张伟',
          role: 'CLERK',
          unitCode: TOWNSHIP,
          initialPassword: 'Chushi2026mima',
        }),
      ),
    ).toBe('SUBJECT_TAKEN');
    expect(
      codeOf(
        await create(countyAdmin, {
          subject: 'li.na',
          name: '李娜',
          role: 'CLERK',
          unitCode: TOWNSHIP,
          initialPassword: 'short1',
        }),
      ),
    ).toBe('WEAK_PASSWORD');
  });

  it('resets a password: the old one fails, the new one works, earlier tokens are revoked', async () => {
    const before = (await signIn(`leader.${TOWNSHIP}`))!;
    const reset = await run(
      countyAdmin,
      'mutation($s: String!, $p: String!) { resetAccountPassword(subject: $s, password: $p) { subject } }',
      {
        s: `leader.${TOWNSHIP}`,
        p: 'Xinmima2026abc',
      },
    );
    expect(reset.errors).toBeUndefined();
    expect(await signIn(`leader.${TOWNSHIP}`)).toBeUndefined();
    const after = await authPost(stack.gatewayUrl, '/auth/login', {
      body: { subject: `leader.${TOWNSHIP}`, password: 'Xinmima2026abc' },
      from: '127.0.2.2',
    });
    expect(after.status).toBe(200);
    expect(after.body.mustChangePassword).toBe(true);
    // the gateway has not cached this subject yet: it asks the registry, which says revoked
    expect(codeOf(await stack.gql('{ viewer { subject } }', { token: before }))).toBe('TOKEN_REVOKED');
  });

  it('assigns a department and post of the account’s unit, and refuses one of another unit', async () => {
    const unit = await stack.gql<{ unit: { departments: { id: string; posts: { id: string }[] }[] } }>(
      'query($c: ID!) { unit(code: $c) { departments { id posts { id } } } }',
      { token: countyAdmin, variables: { c: TOWNSHIP } },
    );
    const department = unit.data!.unit.departments.find((d) => d.posts.length > 0)!;
    const assign = (subject: string, d: string | null, p: string | null) =>
      run(
        countyAdmin,
        `mutation($s: String!, $d: ID, $p: ID) { assignAccount(subject: $s, departmentId: $d, postId: $p) { ${ACCOUNT} } }`,
        { s: subject, d, p },
      );
    const assigned = await assign('zhang.wei', department.id, department.posts[0]!.id);
    expect(assigned.data).toMatchObject({
      assignAccount: { departmentId: department.id, postId: department.posts[0]!.id },
    });
    const county = await stack.gql<{ unit: { departments: { id: string }[] } }>(
      'query($c: ID!) { unit(code: $c) { departments { id } } }',
      {
        token: countyAdmin,
        variables: { c: COUNTY },
      },
    );
    expect(codeOf(await assign('zhang.wei', county.data!.unit.departments[0]!.id, null))).toBe('VALIDATION_FAILED');
  });

  it('lists its subtree page by page, and nothing outside it', async () => {
    const page = (after: string | null) =>
      run<{
        accounts: {
          edges: { node: { subject: string; unitCode: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }>(
        countyAdmin,
        'query($u: String!, $a: String) { accounts(unit: $u, first: 3, after: $a) { edges { node { subject unitCode } } pageInfo { hasNextPage endCursor } } }',
        { u: COUNTY, a: after },
      );
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const r = await page(after);
      expect(r.errors).toBeUndefined();
      for (const e of r.data!.accounts.edges) {
        expect(e.node.unitCode.startsWith('139901')).toBe(true);
        seen.push(e.node.subject);
      }
      if (!r.data!.accounts.pageInfo.hasNextPage) break;
      after = r.data!.accounts.pageInfo.endCursor;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([`admin.${COUNTY}`, `clerk.${TOWNSHIP}`, 'zhang.wei']));
    expect(seen.length).toBeGreaterThan(6);
  });

  it('lists the first page when `after` is left out (not only when it is null)', async () => {
    const r = await run(
      countyAdmin,
      'query($u: String!) { accounts(unit: $u, first: 2) { edges { node { subject } } pageInfo { hasNextPage } } }',
      { u: COUNTY },
    );
    expect(r.errors).toBeUndefined();
    expect((r.data as { accounts: { edges: unknown[] } }).accounts.edges).toHaveLength(2);
  });

  it('refuses a county ADMIN across tiers: another county, the city above', async () => {
    const list = (u: string) =>
      run(countyAdmin, 'query($u: String!) { accounts(unit: $u, first: 5) { edges { node { subject } } } }', { u });
    expect(codeOf(await list(SIBLING_COUNTY))).toBe('OUT_OF_SCOPE');
    expect(codeOf(await list(CITY))).toBe('OUT_OF_SCOPE');
    for (const unitCode of [SIBLING_COUNTY, CITY])
      expect(
        codeOf(
          await create(countyAdmin, {
            subject: `x.${unitCode}`,
            name: '越权',
            role: 'ADMIN',
            unitCode,
            initialPassword: 'Yuequan2026abc',
          }),
        ),
      ).toBe('OUT_OF_SCOPE');
    for (const subject of [`clerk.${SIBLING_COUNTY}`, `admin.${CITY}`]) {
      const disable = await run(countyAdmin, 'mutation($s: String!) { disableAccount(subject: $s) { status } }', {
        s: subject,
      });
      expect(codeOf(disable)).toBe('ACCOUNT_NOT_FOUND');
      const reset = await run(
        countyAdmin,
        'mutation($s: String!) { resetAccountPassword(subject: $s, password: "Yuequan2026abc") { status } }',
        { s: subject },
      );
      expect(codeOf(reset)).toBe('ACCOUNT_NOT_FOUND');
      // untouched: the account still signs in with its own password
      expect(await signIn(subject)).toBeDefined();
    }
  });

  it('refuses account management to a non-admin', async () => {
    const clerk = (await signIn(`clerk.${COUNTY}`))!;
    const r = await run(clerk, 'mutation($s: String!) { disableAccount(subject: $s) { status } }', {
      s: `leader.${COUNTY}`,
    });
    expect(codeOf(r)).toBe('FORBIDDEN');
    const list = await run(
      clerk,
      'query($u: String!) { accounts(unit: $u, first: 5) { edges { node { subject } } } }',
      { u: COUNTY },
    );
    expect(codeOf(list)).toBe('FORBIDDEN');
  });

  it('the city ADMIN reaches a county account below it', async () => {
    const cityAdmin = (await signIn(`admin.${CITY}`))!;
    const r = await run(cityAdmin, 'mutation($s: String!) { disableAccount(subject: $s) { status } }', {
      s: `inspector.${SIBLING_COUNTY}`,
    });
    expect(r.data).toEqual({ disableAccount: { status: 'DISABLED' } });
  });
});
