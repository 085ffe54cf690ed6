import { ApolloServer } from '@apollo/server';
import { createFormatError, createLogger, PUBLIC_PRINCIPAL, Role, type Principal } from '@sunlight/shared';
import type { GatewayContext } from '../gateway-context';
import { DEFAULT_QUERY_LIMITS, queryLimitPlugins, queryLimitRules } from './query-limits';

const CLERK: Principal = { subject: 'u1', role: Role.CLERK, unit: '139901000000' };

describe('query limit plugins', () => {
  let server: ApolloServer<GatewayContext>;
  let written: string[];

  beforeAll(async () => {
    server = new ApolloServer<GatewayContext>({
      typeDefs: `
        type Query { ok(xs: [Int]): Boolean }
        input FileInput { name: String! evidence: [EvidenceInput!] }
        input EvidenceInput { contentBase64: String! }
        type Mutation { file(input: FileInput, text: String): Int! }`,
      resolvers: {
        Mutation: {
          file: () => {
            written.push('x');
            return written.length;
          },
        },
      },
      validationRules: queryLimitRules(DEFAULT_QUERY_LIMITS),
      parseOptions: { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens },
      plugins: queryLimitPlugins(DEFAULT_QUERY_LIMITS),
      formatError: createFormatError(createLogger('test')),
    });
    await server.start();
  });
  afterAll(() => server.stop());
  beforeEach(() => (written = []));

  async function run(query: string, principal: Principal = PUBLIC_PRINCIPAL, variables?: Record<string, unknown>) {
    const response = await server.executeOperation(
      { query, variables },
      { contextValue: { principal, requestId: 'r' } },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, ...response.body.singleResult };
  }
  const aliased = (n: number) =>
    `mutation { ${Array.from({ length: n }, (_, i) => `m${i}: file(text: "t")`).join(' ')} }`;

  describe('mutations per request', () => {
    it('lets the public send 1 and refuses 2 aliased ones before writing either', async () => {
      expect((await run(aliased(1))).errors).toBeUndefined();
      written = [];
      const refused = await run(aliased(2));
      expect(refused.status).toBe(400);
      expect(refused.errors?.map((e) => e.extensions)).toEqual([
        { code: 'TOO_MANY_MUTATIONS', kind: 'BAD_INPUT', limit: 1, actual: 2 },
      ]);
      expect(refused.errors?.[0]?.message).toBe('一次请求最多提交 1 项操作（本次 2 项）；未登录时请逐项提交');
      expect(written).toEqual([]);
    });

    it('lets a signed-in caller send 5 and refuses 6, 16 as well', async () => {
      expect((await run(aliased(5), CLERK)).errors).toBeUndefined();
      expect(written).toHaveLength(5);
      written = [];
      for (const n of [6, 16])
        expect((await run(aliased(n), CLERK)).errors?.[0]?.extensions).toMatchObject({
          code: 'TOO_MANY_MUTATIONS',
          limit: 5,
          actual: n,
        });
      expect(written).toEqual([]);
    });

    it('counts fields through fragments and not __typename, and leaves queries alone', async () => {
      const viaFragments = `mutation { ...A ... on Mutation { c: file(text: "t") } __typename }
        fragment A on Mutation { a: file(text: "t") b: file(text: "t") }`;
      expect((await run(viaFragments, CLERK)).errors).toBeUndefined();
      expect((await run(viaFragments)).errors?.[0]?.extensions).toMatchObject({
        code: 'TOO_MANY_MUTATIONS',
        actual: 3,
      });
      expect((await run(`{ a: ok b: ok c: ok }`)).errors).toBeUndefined();
    });
  });

  describe('string inputs', () => {
    const FILE = 'mutation($i: FileInput) { file(input: $i) }';

    it('refuses NUL, other control characters and lone surrogates as VALIDATION_FAILED naming the field', async () => {
      for (const [name, message] of [
        ['张\u0000三', '含有不允许的控制字符 U+0000'],
        ['\u001B[2J', '含有不允许的控制字符 U+001B'],
        ['a\uD800', '含有无效的 Unicode 字符（孤立的代理项 U+D800）'],
      ] as const) {
        const refused = await run(FILE, PUBLIC_PRINCIPAL, { i: { name } });
        expect(refused.status).toBe(400);
        expect(refused.errors).toEqual([
          {
            message: `input.name: ${message}`,
            extensions: {
              code: 'VALIDATION_FAILED',
              kind: 'BAD_INPUT',
              field: 'input.name',
              problems: [{ field: 'input.name', message }],
            },
          },
        ]);
      }
      expect(written).toEqual([]);
    });

    it('bounds every string at 10,000 characters and an attachment at 2 MiB of base64', async () => {
      expect((await run(FILE, PUBLIC_PRINCIPAL, { i: { name: 'x'.repeat(10_000) } })).errors).toBeUndefined();
      expect(
        (await run(FILE, PUBLIC_PRINCIPAL, { i: { name: 'x'.repeat(10_001) } })).errors?.[0]?.extensions,
      ).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'input.name',
      });
      const evidence = (length: number) => ({ i: { name: 'n', evidence: [{ contentBase64: 'A'.repeat(length) }] } });
      written = [];
      expect((await run(FILE, PUBLIC_PRINCIPAL, evidence(2_796_204))).errors).toBeUndefined();
      const tooLarge = await run(FILE, PUBLIC_PRINCIPAL, evidence(4_000_000));
      expect(tooLarge.errors?.[0]?.extensions).toEqual({
        code: 'ATTACHMENT_TOO_LARGE',
        kind: 'BAD_INPUT',
        field: 'input.evidence.0.contentBase64',
      });
      expect(written).toHaveLength(1);
    });
  });

  describe('tokens', () => {
    it('stops parsing at 1000 tokens', async () => {
      // { ok ( xs : [ ...n ] ) }: n + 9 tokens
      const list = (n: number) => `{ ok(xs: [${Array.from({ length: n }, (_, i) => i).join(' ')}]) }`;
      expect((await run(list(991))).errors).toBeUndefined();
      const refused = await run(list(992));
      expect(refused.status).toBe(400);
      expect(refused.errors?.map((e) => [e.message, e.extensions?.['code']])).toEqual([
        ['Syntax Error: Document contains more that 1000 tokens. Parsing aborted.', 'GRAPHQL_PARSE_FAILED'],
      ]);
    });
  });
});
