import { scrypt } from 'node:crypto';
import type { Random } from './random';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** The complaints service's scrypt cost for a follow-up code. */
export const SERVICE_COST = 2 ** 14;
/**
 * The cost of the hashes stored for complaints nobody will follow up (not in the manifest): the
 * service's format and check, a cheaper cost parameter, which the stored hash names itself.
 * 50,000 hashes at the service's cost would take half an hour of CPU.
 */
export const BULK_COST = 2 ** 8;

/** A follow-up code (12 characters without 0/O/1/I/L), drawn from the generator's stream. */
export function followUpCode(random: Random): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[random.int(0, ALPHABET.length - 1)];
  return code;
}

/** `scrypt$N$8$1$<salt>$<hash>`, the stored form the complaints service verifies. */
export function hashFollowUpCode(code: string, salt: Buffer, cost: number): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(code, salt, 32, { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 }, (err, hash) =>
      err ? reject(err) : resolve(['scrypt', cost, 8, 1, salt.toString('base64url'), hash.toString('base64url')].join('$')),
    );
  });
}
