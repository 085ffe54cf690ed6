/**
 * Deterministic JSON for hashing: equal data gives the same string whatever the key insertion
 * order. Object keys are sorted by Unicode code point and properties whose value is `undefined`
 * are omitted; arrays keep their order (a hole or `undefined` item becomes `null`, as in
 * `JSON.stringify`); a `Date` becomes its `toISOString()` string; strings, numbers, booleans and
 * `null` are written as `JSON.stringify` writes them. Other objects are written from their own
 * enumerable string-keyed properties (`toJSON` is not consulted).
 *
 * Throws a `TypeError` for a non-finite number, an invalid `Date`, a `bigint` or a cycle, rather
 * than hashing something that does not round-trip.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`canonicalJson: ${String(value)} at ${path} is not a finite number`);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`canonicalJson: invalid Date at ${path}`);
    return JSON.stringify(value.toISOString());
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (ancestors.has(value)) throw new TypeError(`canonicalJson: cycle at ${path}`);
  ancestors.add(value);
  let json: string;
  if (Array.isArray(value)) {
    json = `[${Array.from(value as unknown[], (item, i) => write(item, `${path}[${i}]`, ancestors)).join(',')}]`;
  } else {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareCodePoints(a, b));
    json = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, `${path}.${k}`, ancestors)}`).join(',')}}`;
  }
  ancestors.delete(value);
  return json;
}

// `<` on strings compares UTF-16 code units, which puts astral characters (surrogate pairs,
// U+D800–DFFF) before U+E000–FFFF; shifting those ranges at the first difference restores
// code point order. Lone surrogates still get a total order, so the sort stays deterministic.
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}
