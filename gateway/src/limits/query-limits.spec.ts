import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import type { ValidationRule } from 'graphql';
import { costLimitRule, VARIABLE_PAGE_SIZE } from './cost-limit.rule';
import { depthLimitRule } from './depth-limit.rule';
import { DEFAULT_QUERY_LIMITS, queryLimitRules } from './query-limits';

const schema = buildSchema(`
  type Query {
    item(id: ID!): Item
    items(first: Int!): ItemConnection!
  }
  type Item {
    id: ID!
    name: String!
    parent: Item
    children(first: Int!): ItemConnection!
  }
  type ItemConnection {
    nodes: [Item!]!
    totalCount: Int!
  }
`);

/** Validates with graphql's own rules too, so every query below must also be valid GraphQL. */
function errorsFor(query: string, rules: ValidationRule[] = queryLimitRules(DEFAULT_QUERY_LIMITS)) {
  return validate(schema, parse(query), [...specifiedRules, ...rules]);
}

/** `item(id: "1") { parent { ... { id } } }` nested to exactly `depth` fields. */
function queryOfDepth(depth: number): string {
  return `{ item(id: "1") { ${'parent { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;
}

/** `count` aliased fields under one item. */
function aliasedNames(count: number): string {
  return Array.from({ length: count }, (_, i) => `n${i}: name`).join(' ');
}

describe('query limits', () => {
  it('passes an ordinary query within every limit', () => {
    expect(errorsFor(`{ items(first: 10) { totalCount nodes { id name parent { id } } } }`)).toEqual([]);
  });

  describe('depth', () => {
    it('passes a query exactly at the limit and rejects one level more', () => {
      expect(errorsFor(queryOfDepth(8))).toEqual([]);

      const errors = errorsFor(queryOfDepth(9));
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toBe('查询嵌套深度 9 超过上限 8');
      expect(errors[0]?.extensions).toEqual({ code: 'QUERY_TOO_DEEP', kind: 'BAD_INPUT', limit: 8, actual: 9 });
    });

    it('counts depth through fragment spreads and inline fragments', () => {
      const query = `
        query Deep { item(id: "1") { ...Ancestors } }
        fragment Ancestors on Item { parent { ... on Item { parent { ...Grandparents } } } }
        fragment Grandparents on Item { parent { parent { id } } }`;
      // item, parent x4, id
      expect(errorsFor(query, [depthLimitRule(6)])).toEqual([]);
      expect(errorsFor(query, [depthLimitRule(5)]).map((e) => e.extensions)).toEqual([
        { code: 'QUERY_TOO_DEEP', kind: 'BAD_INPUT', limit: 5, actual: 6 },
      ]);
    });

    it('does not count introspection, so the full introspection query passes', () => {
      expect(errorsFor(getIntrospectionQuery())).toEqual([]);
      expect(
        errorsFor(`{ __type(name: "Item") { fields { type { ofType { ofType { name } } } } } }`, [depthLimitRule(1)]),
      ).toEqual([]);
    });

    it('reports one error per operation however many paths are too deep', () => {
      const errors = errorsFor(
        `
        query A { item(id: "1") { parent { parent { id } } other: parent { parent { id } } } }
        query B { item(id: "2") { parent { parent { id } } } }`,
        [depthLimitRule(3)],
      );
      expect(errors.map((e) => [e.message, e.locations?.[0]?.line])).toEqual([
        ['查询嵌套深度 4 超过上限 3', 2],
        ['查询嵌套深度 4 超过上限 3', 3],
      ]);
    });

    it('terminates on a fragment cycle and leaves the report to NoFragmentCycles', () => {
      const errors = errorsFor(`
        { item(id: "1") { ...A } }
        fragment A on Item { parent { ...B } }
        fragment B on Item { parent { ...A } }`);
      expect(errors.map((e) => e.message)).toEqual(['Cannot spread fragment "A" within itself via "B".']);
    });
  });

  describe('aliases', () => {
    it('allows 30 aliases and rejects 31', () => {
      expect(errorsFor(`{ item(id: "1") { ${aliasedNames(30)} } }`)).toEqual([]);

      const errors = errorsFor(`{ item(id: "1") { ${aliasedNames(31)} } }`);
      expect(errors.map((e) => e.message)).toEqual(['字段别名数量 31 超过上限 30']);
      expect(errors[0]?.extensions).toEqual({ code: 'TOO_MANY_ALIASES', kind: 'BAD_INPUT', limit: 30, actual: 31 });
    });

    it('counts the aliases of a fragment once per use', () => {
      const query = (perFragment: number) => `
        { item(id: "1") { ...Names parent { ...Names parent { ...Names } } } }
        fragment Names on Item { ${aliasedNames(perFragment)} }`;
      expect(errorsFor(query(10))).toEqual([]);
      expect(errorsFor(query(11)).map((e) => e.extensions?.['actual'])).toEqual([33]);
    });
  });

  describe('cost', () => {
    it('multiplies nested pages: first 100 inside first 100 exceeds 20000', () => {
      // children: 1 + 100 * (nodes 1 + id 1) = 201; items: 1 + 100 * (nodes 1 + id 1 + children 201) = 20301
      const errors = errorsFor(`{ items(first: 100) { nodes { id children(first: 100) { nodes { id } } } } }`);
      expect(errors.map((e) => e.message)).toEqual(['查询估算开销 20301 超过上限 20000']);
      expect(errors[0]?.extensions).toEqual({
        code: 'QUERY_TOO_COSTLY',
        kind: 'BAD_INPUT',
        limit: 20000,
        actual: 20301,
      });
    });

    it('passes the same shape with smaller pages', () => {
      expect(errorsFor(`{ items(first: 50) { nodes { id children(first: 100) { nodes { id } } } } }`)).toEqual([]);
    });

    it(`assumes a page of ${VARIABLE_PAGE_SIZE} when first is a variable`, () => {
      const query = `query Page($n: Int!) { items(first: $n) { nodes { id } } }`;
      // 1 + 100 * (nodes 1 + id 1)
      expect(errorsFor(query, [costLimitRule(201)])).toEqual([]);
      expect(errorsFor(query, [costLimitRule(200)]).map((e) => e.extensions?.['actual'])).toEqual([201]);
    });

    it('counts a fragment once per use, multiplied by the page around it', () => {
      const errors = errorsFor(
        `
        { items(first: 3) { nodes { ...Row } } item(id: "1") { ...Row } }
        fragment Row on Item { id name }`,
        [costLimitRule(0)],
      );
      // items: 1 + 3 * (nodes 1 + 2) = 10; item: 1 + 2 = 3
      expect(errors.map((e) => e.extensions?.['actual'])).toEqual([13]);
    });
  });

  it('reports each exceeded limit once for an operation that breaks all three', () => {
    const query = `{ items(first: 100) { nodes { ${aliasedNames(31)} children(first: 100) { nodes { parent { parent { id } } } } } } }`;
    const limits = { ...DEFAULT_QUERY_LIMITS, maxDepth: 6, maxAliases: 30, maxCost: 20000 };
    expect(errorsFor(query, queryLimitRules(limits)).map((e) => e.extensions?.['code'])).toEqual([
      'QUERY_TOO_DEEP',
      'TOO_MANY_ALIASES',
      'QUERY_TOO_COSTLY',
    ]);
  });
});
