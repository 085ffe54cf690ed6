import { platformError, PlatformErrorCode } from '../errors/platform-error';

/**
 * Opaque keyset cursors: the sort key of the last row seen, as base64url JSON. Decoding checks
 * the shape so a tampered cursor is a BAD_CURSOR error, not an SQL error.
 */
export const cursor = {
  encode(key: readonly (string | number)[]): string {
    return Buffer.from(JSON.stringify(key)).toString('base64url');
  },
  decode(value: string, arity: number, field = 'after'): (string | number)[] {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      if (
        Array.isArray(parsed) &&
        parsed.length === arity &&
        parsed.every((p) => typeof p === 'string' || typeof p === 'number')
      )
        return parsed;
    } catch {
      // fall through to the error below
    }
    throw platformError(PlatformErrorCode.BAD_CURSOR, `${field} 不是本查询返回的分页游标`, field);
  },
};

/** Maximum page size of every connection. */
export const MAX_PAGE_SIZE = 100;

/** Validates a connection's `first` argument (required, 1-100). */
export function checkPageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw platformError(PlatformErrorCode.VALIDATION_FAILED, `${field} 须在 1 到 ${MAX_PAGE_SIZE} 之间`, field);
  }
  return first;
}
