import { platformError, PlatformErrorCode, type AppError } from '@sunlight/shared';

/** Which counter imposes the wait: this case from this address, or this address across cases. */
export type LookupLimitScope = 'CASE' | 'CLIENT';

const MESSAGES: Record<LookupLimitScope, (seconds: number) => string> = {
  CASE: (s) => `该办件的查询码输错次数过多，请 ${s} 秒后再试`,
  CLIENT: (s) => `您所在网络地址的查询失败次数过多，请 ${s} 秒后再试`,
};

/**
 * RATE_LIMITED for the lookup, with `extensions.retryAfterSeconds` (whole seconds, at least 1) and
 * `extensions.limit` naming the counter; the message, for people, says how long to wait.
 */
export function lookupLimitedError(scope: LookupLimitScope, retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const error = platformError(PlatformErrorCode.RATE_LIMITED, MESSAGES[scope](seconds));
  error.extensions['retryAfterSeconds'] = seconds;
  error.extensions['limit'] = scope;
  return error;
}

/** Seconds from `now` until `until` (0 when it is absent or past). */
export function waitSeconds(until: Date | null, now: Date): number {
  return until ? Math.max(0, (until.getTime() - now.getTime()) / 1000) : 0;
}
