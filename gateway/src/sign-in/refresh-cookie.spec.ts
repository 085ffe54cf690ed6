import type { IncomingMessage } from 'node:http';
import { readRefreshCookie, refreshCookie } from './refresh-cookie';

const request = (o: { cookie?: string; encrypted?: boolean } = {}): IncomingMessage =>
  ({ headers: o.cookie ? { cookie: o.cookie } : {}, socket: { encrypted: o.encrypted } }) as unknown as IncomingMessage;

describe('the refresh cookie', () => {
  it('is httpOnly, SameSite=Strict, on /auth, and Secure over TLS or in production only', () => {
    const expires = new Date(Date.now() + 3600_000);
    const plain = refreshCookie(request(), false, 'a.b', expires);
    expect(plain).toMatch(/^sunlight_refresh=a\.b; Path=\/auth; HttpOnly; SameSite=Strict; Max-Age=(3599|3600)$/);
    expect(refreshCookie(request({ encrypted: true }), false, 'a.b', expires)).toMatch(/; Secure$/);
    expect(refreshCookie(request(), true, 'a.b', expires)).toMatch(/; Secure$/);
  });

  it('clears with an empty value and Max-Age=0', () => {
    expect(refreshCookie(request(), false, undefined)).toBe(
      'sunlight_refresh=; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=0',
    );
  });

  it('reads its own cookie among others, and nothing from a look-alike name', () => {
    expect(readRefreshCookie(request({ cookie: 'theme=dark; sunlight_refresh=x.y; other=1' }))).toBe('x.y');
    expect(readRefreshCookie(request({ cookie: 'xsunlight_refresh=x.y' }))).toBeUndefined();
    expect(readRefreshCookie(request())).toBeUndefined();
  });
});
