import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { chainHash, GENESIS_HASH } from './chain-hash';
import { sha256Hex } from './sha256-hex';
import { verifyChain, type ChainLink } from './verify-chain';

/** Builds a valid chain of `n` case-step links; seq 1..n. */
function aChain(n: number): ChainLink[] {
  const links: ChainLink[] = [];
  let previousHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = {
      caseId: 'C-2025-0001',
      step: seq,
      action: `步骤${seq}`,
      at: new Date(Date.UTC(2025, 0, seq)).toISOString(),
    };
    const hash = chainHash(previousHash, body);
    links.push({ seq, hash, previousHash, body });
    previousHash = hash;
  }
  return links;
}

function link(links: ChainLink[], seq: number): ChainLink {
  const found = links.find((l) => l.seq === seq);
  if (!found) throw new Error(`no link ${seq}`);
  return found;
}

describe('canonicalJson', () => {
  it('gives the same output whatever the key insertion order', () => {
    const one = { b: 1, a: { d: 2, c: [3, { f: true, e: null }] } };
    const two = { a: { c: [3, { e: null, f: true }], d: 2 }, b: 1 };
    expect(canonicalJson(one)).toBe('{"a":{"c":[3,{"e":null,"f":true}],"d":2},"b":1}');
    expect(canonicalJson(two)).toBe(canonicalJson(one));
  });

  it('keeps array order and round-trips nested data', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([1, 2, 3])).not.toBe(canonicalJson([3, 1, 2]));
    const data = { steps: [{ z: [[1], []], y: {} }, 'x'], n: -1.5e-7, empty: '' };
    expect(JSON.parse(canonicalJson(data))).toEqual(data);
  });

  it('drops undefined properties, and writes undefined array items as null', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: { d: undefined } })).toBe('{"a":1,"c":{}}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    const sparse: unknown[] = [undefined];
    sparse[2] = 1;
    expect(canonicalJson(sparse)).toBe('[null,null,1]');
  });

  it('writes a Date as its ISO string and refuses an invalid one', () => {
    expect(canonicalJson({ at: new Date('2025-01-02T03:04:05.678+08:00') })).toBe('{"at":"2025-01-01T19:04:05.678Z"}');
    expect(() => canonicalJson({ at: new Date('not a date') })).toThrow(TypeError);
  });

  it('writes numbers as JSON.stringify does and rejects non-finite ones', () => {
    expect(canonicalJson([0, -0, 0.1, 1e21, 2 ** 53])).toBe(JSON.stringify([0, -0, 0.1, 1e21, 2 ** 53]));
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => canonicalJson(bad)).toThrow(TypeError);
      expect(() => canonicalJson({ a: [1, { b: bad }] })).toThrow('$.a[1].b');
    }
  });

  it('escapes Chinese and other strings as JSON.stringify does, sorting keys by code point', () => {
    const value = { 名称: '阳光 "监督"\n全程留痕', a: '案件\u2028' };
    expect(canonicalJson(value)).toBe(
      `{"a":${JSON.stringify('案件\u2028')},"名称":${JSON.stringify('阳光 "监督"\n全程留痕')}}`,
    );
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
    // U+FF01 sorts before U+20000 by code point, though its UTF-16 code unit is larger.
    expect(canonicalJson({ '𠀀': 2, '！': 1 })).toBe('{"！":1,"𠀀":2}');
  });

  it('refuses a cycle', () => {
    const looped: Record<string, unknown> = { a: 1 };
    looped.self = looped;
    expect(() => canonicalJson(looped)).toThrow('cycle at $.self');
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });
});

describe('sha256Hex', () => {
  it('hashes strings as UTF-8, the same as the bytes', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('留痕')).toBe(sha256Hex(Buffer.from('留痕', 'utf8')));
  });
});

describe('chainHash', () => {
  const event = {
    caseId: 'C-1',
    step: 'ACCEPT',
    actor: { subject: 'clerk.1', unit: '139901001001' },
    at: new Date('2025-03-01T00:00:00Z'),
    note: '受理',
  };
  const base = chainHash(GENESIS_HASH, event);

  it('matches sha256 of previous hash, newline and canonical JSON (known answer)', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    const expected = createHash('sha256')
      .update(`${'0'.repeat(64)}\n{"a":1}`, 'utf8')
      .digest('hex');
    expect(chainHash(GENESIS_HASH, { a: 1 })).toBe(expected);
    expect(chainHash(GENESIS_HASH, { a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any field of the event changes', () => {
    const variants: unknown[] = [
      { ...event, caseId: 'C-2' },
      { ...event, step: 'REJECT' },
      { ...event, actor: { ...event.actor, unit: '139901001002' } },
      { ...event, at: new Date('2025-03-01T00:00:00.001Z') },
      { ...event, note: '受理 ' },
      { ...event, extra: null },
    ];
    const hashes = variants.map((v) => chainHash(GENESIS_HASH, v));
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
  });

  it('changes when the previous hash changes, and not with key order', () => {
    expect(chainHash('1'.padStart(64, '0'), event)).not.toBe(base);
    const { note, at, ...rest } = event;
    expect(chainHash(GENESIS_HASH, { note, at, ...rest })).toBe(base);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain of 5, and an empty chain', () => {
    expect(verifyChain(aChain(5))).toEqual({ ok: true, count: 5 });
    expect(verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  it('finds a body modified at link 3', () => {
    const links = aChain(5);
    link(links, 3).body = { ...(link(links, 3).body as object), action: '篡改' };
    expect(verifyChain(links)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'HASH_MISMATCH' });
  });

  it('finds a hash recomputed at link 3 at the untouched link 4', () => {
    const links = aChain(5);
    const third = link(links, 3);
    third.body = { ...(third.body as object), action: '篡改' };
    third.hash = chainHash(third.previousHash, third.body);
    expect(verifyChain(links)).toEqual({ ok: false, brokenAtSeq: 4, reason: 'PREVIOUS_HASH_MISMATCH' });
  });

  it('finds a deleted link', () => {
    const links = aChain(5).filter((l) => l.seq !== 3);
    expect(verifyChain(links)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'SEQUENCE_GAP' });
    expect(verifyChain(aChain(5).slice(1))).toEqual({ ok: false, brokenAtSeq: 1, reason: 'SEQUENCE_GAP' });
  });

  it('finds a swapped pair, whether or not the seqs were renumbered', () => {
    const [l1, l2, l3, l4, l5] = aChain(5) as [ChainLink, ChainLink, ChainLink, ChainLink, ChainLink];
    expect(verifyChain([l1, l2, l4, l3, l5])).toEqual({ ok: false, brokenAtSeq: 3, reason: 'SEQUENCE_GAP' });
    expect(verifyChain([l1, l2, { ...l4, seq: 3 }, { ...l3, seq: 4 }, l5])).toEqual({
      ok: false,
      brokenAtSeq: 3,
      reason: 'PREVIOUS_HASH_MISMATCH',
    });
  });

  it('finds a first link that does not start from the genesis hash', () => {
    const body = { a: 1 };
    const previousHash = 'f'.repeat(64);
    expect(verifyChain([{ seq: 1, previousHash, hash: chainHash(previousHash, body), body }])).toEqual({
      ok: false,
      brokenAtSeq: 1,
      reason: 'PREVIOUS_HASH_MISMATCH',
    });
  });
});
