import { randomBytes } from 'node:crypto';
import { ASSERTION_HEADER, Role, TokenService } from '@sunlight/shared';
import { startStack, type Stack } from '../support/start-stack';

const COUNTY = '139901000000';

describe('gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('refuses a request straight to a subgraph without the gateway credential, _service and _entities included', async () => {
    const url = stack.subgraphs['powers']!.url;
    for (const query of [
      '{ _service { sdl } }',
      '{ _entities(representations: [{ __typename: "Unit", code: "139901000000" }]) { ... on Unit { name } } }',
      '{ powers(first: 1) { totalCount } }',
    ]) {
      const res = await stack.gql(query, { url });
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('GATEWAY_REQUIRED');
      expect(res.data).toBeUndefined();
    }
  });

  it('refuses a forged or misused credential at the subgraph', async () => {
    const url = stack.subgraphs['powers']!.url;
    const inspector = { subject: 'x', role: Role.INSPECTOR, unit: COUNTY };
    const forger = new TokenService(new Uint8Array(randomBytes(32)), new Uint8Array(randomBytes(32)));
    const forged = await stack.gql('{ _service { sdl } }', {
      url,
      headers: { [ASSERTION_HEADER]: await forger.assert(inspector) },
    });
    expect(forged.status).toBe(401);
    // a user's own token is not a gateway assertion
    const userToken = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const misused = await stack.gql('{ _service { sdl } }', { url, headers: { [ASSERTION_HEADER]: userToken } });
    expect(misused.status).toBe(401);
    const genuine = await stack.gql<{ _service: { sdl: string } }>('{ _service { sdl } }', {
      url,
      headers: { [ASSERTION_HEADER]: await stack.tokens.assert(inspector) },
    });
    expect(genuine.data?._service.sdl).toContain('@key(fields: "code")');
  });

  it('rejects bad and expired tokens with clear codes instead of treating them as public', async () => {
    const bad = await stack.gql('{ viewer { role } }', { token: 'not-a-token' });
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const expired = await stack.gql('{ viewer { role } }', { token: await stack.tokenFor(Role.CLERK, COUNTY, -5) });
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0]?.extensions?.code).toBe('TOKEN_EXPIRED');
    const malformed = await stack.gql('{ viewer { role } }', { headers: { authorization: 'Basic abc' } });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const anonymous = await stack.gql<{ viewer: { role: string } }>('{ viewer { role } }');
    expect(anonymous.data?.viewer.role).toBe('PUBLIC');
  });

  it('enforces depth, alias and cost limits with clear errors', async () => {
    const deep = await stack.gql(
      '{ unit(code: "139901000000") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } }',
    );
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 8 });
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: viewer { role }`).join(' ');
    const many = await stack.gql(`{ ${aliases} }`);
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 30 });
    // 20 aliased pages of 100 powers with their versions' items: about 20 x 1,300 > 20,000
    const page =
      'powers(first: 100) { edges { node { flow { name } versions { flow { name } riskPoints { level } checkpoints { kind } efficiencyPoints { description } } } } }';
    const costly = await stack.gql(`{ ${Array.from({ length: 20 }, (_, i) => `p${i}: ${page}`).join(' ')} }`);
    expect(costly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('validates page size at the subgraph with a field-level error', async () => {
    const res = await stack.gql('{ powers(first: 101) { totalCount } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'first' });
  });

  it('reports each subgraph on GET /health', async () => {
    const res = await fetch(new URL('/health', stack.gatewayUrl));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      subgraphs: Record<string, { status: string; database: string }>;
    };
    expect(body.status).toBe('ok');
    expect(body.subgraphs['powers']).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('never leaks SQL or stack traces', async () => {
    const res = await stack.gql('{ power(id: "00000000-0000-0000-0000-000000000000", version: 2147483647) { name } }');
    const text = JSON.stringify(res);
    expect(text).not.toMatch(/SELECT|stacktrace|at .*\.js/i);
    expect(res.errors?.[0]?.extensions?.code).toBe('POWER_NOT_FOUND');
  });

  it('returns the first result for a retried create and writes nothing new', async () => {
    const token = await stack.tokenFor(Role.ADMIN, COUNTY);
    const depts = await stack.gql<{ unit: { departments: { id: string; supervisory: boolean }[] } }>(
      `{ unit(code: "${COUNTY}") { departments { id supervisory } } }`,
      { token },
    );
    const departmentId = depts.data!.unit.departments.find((d) => !d.supervisory)!.id;
    const input = {
      unitCode: COUNTY,
      code: 'E2E-IDEM',
      name: '幂等测试事项',
      category: 'CONFIRMATION',
      legalBasis: '《测试条例》第二条',
      departmentId,
      statutoryDays: 10,
      promisedDays: 5,
      flow: [{ name: '受理', timeLimitDays: 1 }],
    };
    const create = () =>
      stack.gql<{ createPower: { id: string; version: number } }>(
        'mutation($input: CreatePowerInput!) { createPower(input: $input, idempotencyKey: "e2e-idem-0001") { id version } }',
        {
          token,
          variables: { input },
        },
      );
    const results = await Promise.all([create(), create(), create(), create(), create()]);
    const ids = new Set(results.map((r) => r.data?.createPower.id));
    expect(ids.size).toBe(1);
    const count = await stack.subgraphs['powers']!.dataSource.query(
      "SELECT count(*)::int AS n FROM power WHERE code = 'E2E-IDEM'",
    );
    expect(count[0].n).toBe(1);
    const changed = await stack.gql(
      'mutation($input: CreatePowerInput!) { createPower(input: $input, idempotencyKey: "e2e-idem-0001") { id } }',
      {
        token,
        variables: { input: { ...input, name: '另一个名称' } },
      },
    );
    expect(changed.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
  });

  it('answers bad input with code, field and message, and writes nothing', async () => {
    const token = await stack.tokenFor(Role.ADMIN, COUNTY);
    const res = await stack.gql(
      'mutation($input: CreatePowerInput!) { createPower(input: $input, idempotencyKey: "e2e-bad-00001") { id } }',
      {
        token,
        variables: {
          input: {
            unitCode: COUNTY,
            code: 'E2E-BAD',
            name: '',
            category: 'LICENSING',
            legalBasis: 'x',
            departmentId: '00000000-0000-0000-0000-000000000000',
            statutoryDays: 5,
            promisedDays: 9,
            flow: [],
          },
        },
      },
    );
    const error = res.errors?.[0];
    expect(error?.extensions?.code).toBe('VALIDATION_FAILED');
    const fields = (error?.extensions?.['problems'] as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'departmentId', 'promisedDays', 'flow']));
    const count = await stack.subgraphs['powers']!.dataSource.query(
      "SELECT count(*)::int AS n FROM power WHERE code = 'E2E-BAD'",
    );
    expect(count[0].n).toBe(0);
  });
});

describe('gateway in production mode', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ production: true });
  });
  afterAll(() => stack.stop());

  it('turns off introspection and field suggestions', async () => {
    const introspection = await stack.gql('{ __schema { types { name } } }');
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await stack.gql('{ powerz(first: 1) { totalCount } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});
