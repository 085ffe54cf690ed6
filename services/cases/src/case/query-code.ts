import { createHmac, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I
const LENGTH = 8;

/**
 * A case's query code (查询码), derived from its id with a server key: nothing secret is
 * stored, a retried filing returns the same code, and a leaked database reveals no codes.
 */
export const queryCode = {
  for(key: Uint8Array, caseId: string): string {
    const mac = createHmac('sha256', key).update(`case-query-code:${caseId}`).digest();
    let code = '';
    for (let i = 0; i < LENGTH; i++) code += ALPHABET[mac[i]! % ALPHABET.length];
    return code;
  },
  matches(key: Uint8Array, caseId: string, candidate: string): boolean {
    const expected = Buffer.from(queryCode.for(key, caseId));
    const given = Buffer.from(candidate.trim().toUpperCase());
    return given.length === expected.length && timingSafeEqual(given, expected);
  },
};
