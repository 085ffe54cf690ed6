import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L
const LENGTH = 12; // 31^12 ≈ 2^59
const WELL_FORMED = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const COST = { N: 2 ** 14, r: 8, p: 1 }; // 16 MiB of memory per hash
// Bounds on the parameters a stored hash may name, so a stored string cannot ask for unbounded work.
const MAX_MEMORY = 64 * 1024 * 1024;
const MAX_P = 16;

interface StoredHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/**
 * A new follow-up code (查询码) for a complainant: 12 characters from an alphabet without
 * 0/O/1/I/L, drawn with a cryptographic RNG. Show it once; store only `hashFollowUpCode`.
 * `draw(n)` (an integer in [0, n)) replaces the RNG only for generated data, which must be
 * reproducible from a seed.
 */
export function newFollowUpCode(draw: (n: number) => number = (n) => randomInt(n)): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[draw(ALPHABET.length)];
  return code;
}

/**
 * A slow, salted hash of a follow-up code: `scrypt$16384$8$1$<salt>$<hash>` (base64url salt of
 * 16 bytes, hash of 32). Throws if `code` is not a well-formed follow-up code after normalising.
 * Only generated data passes `salt` (drawn from its seed) or a lower `cost` (the scrypt N, a
 * power of two, which the stored hash names, so it verifies all the same).
 */
export async function hashFollowUpCode(
  code: string,
  generated: { salt?: Buffer; cost?: number } = {},
): Promise<string> {
  const normal = normalise(code);
  if (!WELL_FORMED.test(normal)) throw new Error(`a follow-up code is ${LENGTH} characters of ${ALPHABET}`);
  const salt = generated.salt ?? randomBytes(SALT_BYTES);
  const cost = { ...COST, N: generated.cost ?? COST.N };
  const hash = await derive(normal, { ...cost, salt, hash: Buffer.alloc(KEY_BYTES) });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/**
 * Does `code` match the `stored` hash? Case, surrounding spaces and the spaces or hyphens a
 * code may be printed with are ignored. Never throws: a malformed code or stored string is
 * simply false. A malformed code returns without hashing (the alphabet is no secret), so
 * callers should still rate-limit: every well-formed guess costs a full scrypt.
 */
export async function verifyFollowUpCode(code: string, stored: string): Promise<boolean> {
  try {
    if (typeof code !== 'string') return false;
    const normal = normalise(code);
    const parsed = parseStored(stored);
    if (!parsed || !WELL_FORMED.test(normal)) return false;
    const actual = await derive(normal, parsed);
    return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
  } catch {
    return false;
  }
}

function normalise(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}

function derive(code: string, params: StoredHash): Promise<Buffer> {
  const memory = 128 * params.N * params.r;
  return new Promise((resolve, reject) => {
    scrypt(
      code,
      params.salt,
      params.hash.length,
      { N: params.N, r: params.r, p: params.p, maxmem: 2 * memory },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

function parseStored(stored: unknown): StoredHash | null {
  if (typeof stored !== 'string') return null;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^[1-9]\d{0,7}$/.test(s) ? Number(s) : NaN)) as [
    number,
    number,
    number,
  ];
  if (!Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(p)) return null;
  if (N < 2 || (N & (N - 1)) !== 0 || 128 * N * r > MAX_MEMORY || p > MAX_P) return null;
  const salt = fromBase64url(parts[4]);
  const hash = fromBase64url(parts[5]);
  if (!salt || !hash || salt.length < SALT_BYTES || hash.length !== KEY_BYTES) return null;
  return { N, r, p, salt, hash };
}

function fromBase64url(text: string | undefined): Buffer | null {
  if (text === undefined || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const decoded = Buffer.from(text, 'base64url');
  return decoded.toString('base64url') === text ? decoded : null;
}
