import { createHash } from 'node:crypto';

/**
 * A UUID (version 5 layout) derived from a stable name, e.g. `stableId('power', unitCode, code)`:
 * the same name always gives the same id. Namespaced apart from the demo data's ids.
 */
export function stableId(...parts: Array<string | number>): string {
  const hex = createHash('sha1')
    .update(`sunlight-city/${parts.join('/')}`)
    .digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
