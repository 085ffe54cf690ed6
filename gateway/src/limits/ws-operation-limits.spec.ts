import { buildSchema } from 'graphql';
import { DEFAULT_QUERY_LIMITS } from './query-limits';
import { limitedWsOperation, wsDocumentCache } from './ws-operation-limits';

const schema = buildSchema(`
  type Query { unit(code: String!): Unit }
  type Unit { code: String! parent: Unit }
  type Subscription { unitChanged(code: String!): Unit }
`);

const codes = (result: ReturnType<typeof limitedWsOperation>) =>
  Array.isArray(result) ? result.map((e) => e.extensions['code']) : 'accepted';

describe('limitedWsOperation: the gateway limits for operations sent over graphql-ws', () => {
  it('accepts an ordinary subscription and returns its execution args', () => {
    const result = limitedWsOperation(
      schema,
      { query: 'subscription($c: String!) { unitChanged(code: $c) { code } }', variables: { c: '139900000000' } },
      DEFAULT_QUERY_LIMITS,
    );
    expect(codes(result)).toBe('accepted');
    expect('variableValues' in result ? result.variableValues : undefined).toEqual({ c: '139900000000' });
  });

  it('stops parsing at the token limit', () => {
    const query = `{ ${'unit(code: "1") { code } '.repeat(20_000)} }`;
    const result = limitedWsOperation(schema, { query }, DEFAULT_QUERY_LIMITS);
    expect(codes(result)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(Array.isArray(result) ? result[0]?.message : '').toBe(
      'Syntax Error: Document contains more that 1000 tokens. Parsing aborted.',
    );
  });

  it('applies the depth rule and graphql’s own rules', () => {
    const deep = `{ unit(code: "1") { ${'parent { '.repeat(8)}code${' }'.repeat(8)} } }`;
    expect(codes(limitedWsOperation(schema, { query: deep }, DEFAULT_QUERY_LIMITS))).toEqual(['QUERY_TOO_DEEP']);
    expect(codes(limitedWsOperation(schema, { query: '{ nope }' }, DEFAULT_QUERY_LIMITS))).toEqual([undefined]);
  });

  it('refuses a control character in a variable, naming the field', () => {
    const result = limitedWsOperation(
      schema,
      { query: 'subscription($c: String!) { unitChanged(code: $c) { code } }', variables: { c: '1399\u0000' } },
      DEFAULT_QUERY_LIMITS,
    );
    expect(Array.isArray(result) ? result.map((e) => e.extensions) : result).toEqual([
      {
        code: 'VALIDATION_FAILED',
        kind: 'BAD_INPUT',
        field: 'code',
        problems: [{ field: 'code', message: '含有不允许的控制字符 U+0000' }],
      },
    ]);
  });

  it('parses and validates a text once for every subscriber who sends it, and still checks each one’s variables', () => {
    const documents = wsDocumentCache();
    const query = 'subscription($c: String!) { unitChanged(code: $c) { code } }';
    const first = limitedWsOperation(
      schema,
      { query, variables: { c: '139900000000' } },
      DEFAULT_QUERY_LIMITS,
      documents,
    );
    const second = limitedWsOperation(
      schema,
      { query, variables: { c: '139901000000' } },
      DEFAULT_QUERY_LIMITS,
      documents,
    );
    const args = (r: typeof first) => {
      if ('document' in r) return r;
      throw new Error('refused');
    };
    expect(args(second).document).toBe(args(first).document);
    expect(args(second).variableValues).toEqual({ c: '139901000000' });
    const bad = limitedWsOperation(schema, { query, variables: { c: '1399\u0000' } }, DEFAULT_QUERY_LIMITS, documents);
    expect(codes(bad)).toEqual(['VALIDATION_FAILED']);
  });

  it('keeps no document that failed its checks', () => {
    const documents = wsDocumentCache();
    const deep = `{ unit(code: "1") { ${'parent { '.repeat(8)}code${' }'.repeat(8)} } }`;
    for (let i = 0; i < 2; i++)
      expect(codes(limitedWsOperation(schema, { query: deep }, DEFAULT_QUERY_LIMITS, documents))).toEqual([
        'QUERY_TOO_DEEP',
      ]);
    expect(documents.size).toBe(0);
  });
});
