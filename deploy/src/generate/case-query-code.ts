import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A case's query code (查询码) as the cases service derives it from the case id with its key
 * (`deriveKey('case-query-code')`). Nothing of it is stored: the manifest lists some in clear so a
 * benchmark can use the public progress lookup.
 */
export function caseQueryCode(key: Uint8Array, caseId: string): string {
  const mac = createHmac('sha256', key).update(`case-query-code:${caseId}`).digest();
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[mac[i]! % ALPHABET.length];
  return code;
}
