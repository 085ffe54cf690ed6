import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of `data`; a string is hashed as its UTF-8 bytes. */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
