import { passwordHash } from './password-hash';

const FAST = { N: 1024, r: 8, p: 1 };

describe('passwordHash (scrypt)', () => {
  it('stores the parameters and a fresh salt with each hash, and verifies only the same password', async () => {
    const a = await passwordHash.hash('Sunlight@2026', FAST);
    const b = await passwordHash.hash('Sunlight@2026', FAST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(await passwordHash.verify('Sunlight@2026', a)).toBe(true);
    expect(await passwordHash.verify('Sunlight@2027', a)).toBe(false);
    expect(await passwordHash.verify('', a)).toBe(false);
  });

  it('uses the parameters stored with the hash, so raising the default keeps old hashes valid', async () => {
    const old = await passwordHash.hash('Chushi2026mima', { N: 2048, r: 4, p: 1 });
    expect(await passwordHash.verify('Chushi2026mima', old)).toBe(true);
  });

  it('treats a tampered or malformed hash as a mismatch, never an exception', async () => {
    const good = await passwordHash.hash('Chushi2026mima', FAST);
    const parts = good.split('$');
    for (const bad of [
      'plain',
      good.replace('scrypt', 'bcrypt'),
      [...parts.slice(0, 5), 'AAAA'].join('$'),
      [parts[0], 'x', ...parts.slice(2)].join('$'),
    ])
      expect(await passwordHash.verify('Chushi2026mima', bad)).toBe(false);
  });

  it('compares the same text however it is composed (NFC)', async () => {
    const h = await passwordHash.hash('Café2026pass', FAST);
    expect(await passwordHash.verify('Cafe\u03012026pass', h)).toBe(true);
  });
});
