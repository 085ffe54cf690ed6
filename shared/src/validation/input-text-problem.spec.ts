import { parse } from 'graphql';
import { findInputTextProblem } from './input-text-problem';

const LIMITS = { maxLength: 20, maxLengthByField: { contentBase64: 40 } };
const FILE = `mutation($i: FileInput!, $k: String!) { file(input: $i, key: $k) { id } }`;

function problem(query: string, variables?: Record<string, unknown>) {
  return findInputTextProblem(parse(query), variables, LIMITS);
}

describe('findInputTextProblem', () => {
  it('passes clean literals and variables', () => {
    expect(problem(FILE, { i: { name: '张三', tags: ['a', 'b'] }, k: 'k-1' })).toBeUndefined();
    expect(problem(`{ unit(code: "139900000000") { name } }`)).toBeUndefined();
  });

  it('names a variable string by the argument and input fields it fills', () => {
    expect(problem(FILE, { i: { complainant: { name: 'a\u0000' } }, k: 'k' })).toEqual({
      field: 'input.complainant.name',
      message: '含有不允许的控制字符 U+0000',
      overFieldBound: false,
    });
    expect(problem(FILE, { i: { tags: ['ok', '\uD800'] }, k: 'k' })?.field).toBe('input.tags.1');
    expect(problem(FILE, { i: {}, k: 'x'.repeat(21) })?.field).toBe('key');
  });

  it('checks literals in the document, in nested objects, lists, fragments and directives', () => {
    expect(problem(`mutation { file(input: { names: ["ok", "b\\u0000"] }) { id } }`)?.field).toBe('input.names.1');
    expect(problem(`{ ...F } fragment F on Query { unit(code: "\\u0007") { name } }`)?.field).toBe('code');
    expect(problem(`{ unit(code: "1") @include(if: true) { name(lang: "\\u0001") } }`)?.field).toBe('lang');
    expect(problem(`query($c: String = "\\u0000") { unit(code: $c) { name } }`)?.field).toBe('$c');
  });

  it('checks variables placed inside an object literal and object keys', () => {
    expect(problem(`query($n: String) { file(input: { name: $n }) { id } }`, { n: 'a\u001F' })?.field).toBe(
      'input.name',
    );
    expect(problem(FILE, { i: { ['bad\u0000key']: 1 }, k: 'k' })?.field).toBe('input.bad\u0000key');
  });

  it("bounds a string by its field's own bound and says it went over that bound", () => {
    const base64 = (n: number) => ({ i: { evidence: [{ contentBase64: 'A'.repeat(n) }] }, k: 'k' });
    expect(problem(FILE, base64(40))).toBeUndefined();
    expect(problem(FILE, base64(41))).toEqual({
      field: 'input.evidence.0.contentBase64',
      message: '长度为 41 个字符，超过上限 40',
      overFieldBound: true,
    });
  });
});
