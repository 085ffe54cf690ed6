import { IdentityCipher, type ProtectedIdentity } from './identity-cipher';

const key = new Uint8Array(32).fill(7);
const cipher = new IdentityCipher(key);
const identity: ProtectedIdentity = {
  name: '欧阳明华',
  phone: '13812345678',
  email: 'ouyang@example.cn',
  address: '某县某镇幸福村3组12号',
};
const COMPLAINT = 'complaint-1';

/** Flips one bit of the decoded token part at `index` (2 iv, 3 ciphertext, 4 tag). */
function flip(token: string, index: number, byte = 0): string {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[index]!, 'base64url');
  bytes[byte] = bytes[byte]! ^ 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

/** Every way we can think of that `secret` might show up inside a string. */
function encodingsOf(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  for (const enc of ['utf8', 'utf16le'] as const) {
    const bytes = Buffer.from(secret, enc);
    forms.push(bytes.toString('hex'), bytes.toString('hex').toUpperCase());
    // base64 of a longer text holds the secret at one of three alignments; keep the stable middle
    for (let pad = 0; pad < 3; pad++) {
      const shifted = Buffer.concat([Buffer.alloc(pad, 0x20), bytes]);
      for (const b64 of [shifted.toString('base64'), shifted.toString('base64url')]) {
        const start = pad === 0 ? 0 : 4;
        const end = b64.length - 4;
        if (end - start >= 8) forms.push(b64.slice(start, end));
      }
    }
  }
  return forms;
}

const leaks = (token: string, secret: string) => encodingsOf(secret).filter((form) => token.includes(form));

describe('IdentityCipher', () => {
  it('round-trips Chinese text and keeps only the known fields', () => {
    const token = cipher.encrypt({ ...identity, idNumber: 'x' } as ProtectedIdentity, COMPLAINT);
    expect(token).toMatch(/^v1\.k1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(cipher.decrypt(token, COMPLAINT)).toEqual(identity);
    expect(cipher.decrypt(cipher.encrypt({ phone: '' }, COMPLAINT), COMPLAINT)).toEqual({ phone: '' });
    expect(cipher.decrypt(cipher.encrypt({}, COMPLAINT), COMPLAINT)).toEqual({});
    const withNull = { name: '张三', phone: null } as unknown as ProtectedIdentity;
    expect(cipher.decrypt(cipher.encrypt(withNull, COMPLAINT), COMPLAINT)).toEqual({ name: '张三' });
    expect(() => cipher.encrypt({ phone: 138 } as unknown as ProtectedIdentity, COMPLAINT)).toThrow(
      'identity field phone must be a string',
    );
  });

  it('is bound to its associated data: a token copied to another complaint fails', () => {
    const token = cipher.encrypt(identity, COMPLAINT);
    expect(() => cipher.decrypt(token, 'complaint-2')).toThrow(/failed authentication/);
    expect(() => cipher.decrypt(token, '')).toThrow(/non-empty associated data/);
    expect(() => cipher.encrypt(identity, '')).toThrow(/non-empty associated data/);
  });

  it('rejects a flipped bit in the iv, the ciphertext or the tag', () => {
    const token = cipher.encrypt(identity, COMPLAINT);
    for (const [index, byte] of [
      [2, 0],
      [3, 0],
      [3, 20],
      [4, 0],
      [4, 15],
    ] as const) {
      const altered = flip(token, index, byte);
      expect(altered).not.toBe(token);
      expect(() => cipher.decrypt(altered, COMPLAINT)).toThrow(/failed authentication/);
    }
  });

  it('rejects a wrong key, and a token that names another key id', () => {
    const token = cipher.encrypt(identity, COMPLAINT);
    expect(() => new IdentityCipher(new Uint8Array(32).fill(8)).decrypt(token, COMPLAINT)).toThrow(
      /failed authentication/,
    );
    expect(() => new IdentityCipher(key, 'k2').decrypt(token, COMPLAINT)).toThrow(/encrypted with key "k1", not "k2"/);
    // the key id is authenticated: relabelling a token for another cipher with the same key fails
    const relabelled = token.replace(/^v1\.k1\./, 'v1.k2.');
    expect(() => new IdentityCipher(key, 'k2').decrypt(relabelled, COMPLAINT)).toThrow(/failed authentication/);
  });

  it('rejects malformed tokens with a clear message', () => {
    const token = cipher.encrypt(identity, COMPLAINT);
    const [, , iv, ct, tag] = token.split('.') as [string, string, string, string, string];
    const cases: [string, RegExp][] = [
      ['', /expected 5 dot-separated parts/],
      ['not a token', /expected 5 dot-separated parts/],
      [`${token}.x`, /expected 5 dot-separated parts/],
      [`v2.k1.${iv}.${ct}.${tag}`, /unsupported version "v2"/],
      [`v1.k1.${iv}!.${ct}.${tag}`, /iv is not base64url/],
      [`v1.k1.${iv}.${ct}.${tag}=`, /tag is not base64url/],
      [`v1.k1.${iv.slice(0, 8)}.${ct}.${tag}`, /iv must be 12 bytes/],
      [`v1.k1.${iv}.${ct}.${tag.slice(0, 16)}`, /tag must be 16 bytes/],
      [`v1.k1.${iv}..${tag}`, /empty ciphertext/],
    ];
    for (const [bad, message] of cases) expect(() => cipher.decrypt(bad, COMPLAINT)).toThrow(message);
    expect(() => cipher.decrypt(undefined as unknown as string, COMPLAINT)).toThrow(/not a string/);
  });

  it('uses a fresh iv: two encryptions of the same identity differ', () => {
    const a = cipher.encrypt(identity, COMPLAINT);
    const b = cipher.encrypt(identity, COMPLAINT);
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
    expect(cipher.decrypt(b, COMPLAINT)).toEqual(cipher.decrypt(a, COMPLAINT));
  });

  it('never carries the name or phone in any encoding we can think of', () => {
    // the detector itself must catch a careless "encryption" that merely encodes the JSON
    const careless = Buffer.from(JSON.stringify(identity)).toString('base64url');
    expect(leaks(careless, identity.name!)).not.toEqual([]);
    expect(leaks(careless, identity.phone!)).not.toEqual([]);
    expect(leaks(Buffer.from(JSON.stringify(identity)).toString('hex'), identity.name!)).not.toEqual([]);

    for (let i = 0; i < 20; i++) {
      const token = cipher.encrypt(identity, COMPLAINT);
      expect(leaks(token, identity.name!)).toEqual([]);
      expect(leaks(token, identity.phone!)).toEqual([]);
    }
  });

  it('refuses keys that are not 32 bytes and key ids that could break the token format', () => {
    expect(() => new IdentityCipher(new Uint8Array(16))).toThrow(/32 bytes/);
    expect(() => new IdentityCipher(new Uint8Array(33))).toThrow(/32 bytes/);
    expect(() => new IdentityCipher(key, 'a.b')).toThrow(/key id/);
    expect(() => new IdentityCipher(key, '')).toThrow(/key id/);
  });

  it('is not affected by later changes to the caller’s key array', () => {
    const mutable = new Uint8Array(32).fill(3);
    const c = new IdentityCipher(mutable);
    const token = c.encrypt(identity, COMPLAINT);
    mutable.fill(0);
    expect(c.decrypt(token, COMPLAINT)).toEqual(identity);
  });
});
