import { createHash } from 'node:crypto';

/**
 * A UUID in the version-5 layout derived from `namespace` and a stable name, e.g.
 * `nameUuid('sunlight-demo', 'power', unitCode, code)`: the same namespace and name always give
 * the same id, and different namespaces keep their ids apart. (Not RFC 4122's v5 algorithm: the
 * SHA-1 covers `namespace/part/part…` as text, which fixes every id already generated.)
 */
export function nameUuid(namespace: string, ...parts: Array<string | number>): string {
  const hex = createHash('sha1')
    .update(`${namespace}/${parts.join('/')}`)
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
