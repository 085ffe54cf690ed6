import { hashFollowUpCode, newFollowUpCode, verifyFollowUpCode } from './follow-up-code';

const FORMAT = /^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/;

describe('follow-up codes', () => {
  it('are 12 characters without 0/O/1/I/L, and differ from one another', () => {
    const codes = Array.from({ length: 200 }, newFollowUpCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // every character of the alphabet turns up (31 of them in 2400 draws)
    expect(new Set(codes.join('')).size).toBe(31);
  });

  describe('hash and verify', () => {
    let code: string;
    let stored: string;
    beforeAll(async () => {
      code = newFollowUpCode();
      stored = await hashFollowUpCode(code);
    });

    it('stores a salted scrypt hash, never the code', () => {
      expect(stored).toMatch(FORMAT);
      expect(stored).not.toContain(code);
    });

    it('accepts the right code, also in lower case, with spaces or hyphens', async () => {
      expect(await verifyFollowUpCode(code, stored)).toBe(true);
      expect(await verifyFollowUpCode(code.toLowerCase(), stored)).toBe(true);
      expect(await verifyFollowUpCode(`  ${code}\n`, stored)).toBe(true);
      expect(await verifyFollowUpCode(`${code.slice(0, 4)} ${code.slice(4, 8)}-${code.slice(8)}`, stored)).toBe(true);
    });

    it('rejects a wrong code', async () => {
      const other = code.slice(0, 11) + (code.endsWith('A') ? 'B' : 'A');
      expect(await verifyFollowUpCode(other, stored)).toBe(false);
      expect(await verifyFollowUpCode(code.slice(0, 11), stored)).toBe(false);
      expect(await verifyFollowUpCode('', stored)).toBe(false);
    });

    it('is false, never an exception, for malformed stored strings', async () => {
      const [, , , , salt, hash] = stored.split('$') as string[];
      const malformed = [
        '',
        'scrypt',
        code,
        stored.replace('scrypt$', 'bcrypt$'),
        stored.replace('$16384$', '$16383$'), // N not a power of two
        stored.replace('$16384$', '$1048576$'), // too much memory
        stored.replace('$8$1$', '$8$0$'),
        stored.replace('$8$1$', '$8$x$'),
        `scrypt$16384$8$1$${salt}$${hash!.slice(0, 20)}`, // short hash
        `scrypt$16384$8$1$${salt!.slice(0, 8)}$${hash}`, // short salt
        `scrypt$16384$8$1$${salt}!$${hash}`,
        `${stored}$extra`,
      ];
      for (const bad of malformed) expect(await verifyFollowUpCode(code, bad)).toBe(false);
      expect(await verifyFollowUpCode(code, undefined as unknown as string)).toBe(false);
      expect(await verifyFollowUpCode(undefined as unknown as string, stored)).toBe(false);
    });

    it('salts: two hashes of one code differ and both verify', async () => {
      const again = await hashFollowUpCode(code.toLowerCase());
      expect(again).toMatch(FORMAT);
      expect(again).not.toBe(stored);
      expect(await verifyFollowUpCode(code, again)).toBe(true);
    });
  });

  it('refuses to hash something that is not a follow-up code', async () => {
    await expect(hashFollowUpCode('ABC')).rejects.toThrow(/12 characters/);
    await expect(hashFollowUpCode('O0O0O0O0O0O0')).rejects.toThrow(/12 characters/);
  });
});
