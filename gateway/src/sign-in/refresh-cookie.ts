import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** The refresh token's cookie: httpOnly, SameSite=Strict, sent only to the /auth routes. */
export const REFRESH_COOKIE = 'sunlight_refresh';
export const REFRESH_COOKIE_PATH = '/auth';

/** The refresh token the browser sent, if any. */
export function readRefreshCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Secure when the request came over TLS, and always in production (behind a TLS-terminating proxy). */
function secure(req: IncomingMessage, production: boolean): boolean {
  return production || Boolean((req.socket as TLSSocket).encrypted);
}

/** `Set-Cookie` for a refresh token valid until `expires` (or clearing it when `expires` is undefined). */
export function refreshCookie(
  req: IncomingMessage,
  production: boolean,
  token: string | undefined,
  expires?: Date,
): string {
  const attributes = [
    `${REFRESH_COOKIE}=${token === undefined ? '' : encodeURIComponent(token)}`,
    `Path=${REFRESH_COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Strict',
    token === undefined || !expires
      ? 'Max-Age=0'
      : `Max-Age=${Math.max(0, Math.floor((expires.getTime() - Date.now()) / 1000))}`,
  ];
  if (secure(req, production)) attributes.push('Secure');
  return attributes.join('; ');
}
