import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost parameters, stored with each hash so they can be raised without breaking old ones. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Today's parameters: 2^15 × 8 × 1 (32 MiB, ~60 ms on one core). */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_BYTES,
      { ...params, maxmem: 128 * params.N * params.r * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/**
 * Passwords as `scrypt$N$r$p$<salt base64>$<key base64>`: a fresh 16-byte salt per hash, the
 * parameters beside it, compared in constant time.
 */
export const passwordHash = {
  async hash(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, params);
    return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
  },

  /** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parts = stored.split('$');
    if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
    const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
    if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
    const expected = Buffer.from(parts[5]!, 'base64');
    if (expected.length !== KEY_BYTES) return false;
    const key = await derive(password, Buffer.from(parts[4]!, 'base64'), { N, r, p });
    return timingSafeEqual(key, expected);
  },
};
