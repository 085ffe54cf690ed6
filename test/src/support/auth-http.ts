import http from 'node:http';

/** What a `/auth` route answered: status, JSON body and the `Set-Cookie` header, if any. */
export interface AuthAnswer {
  status: number;
  body: {
    accessToken?: string;
    mustChangePassword?: boolean;
    account?: { subject: string; role: string; unit: string };
    error?: { code: string; message: string };
  };
  setCookie: string | undefined;
}

/**
 * POSTs JSON to a gateway `/auth` route from a chosen loopback address (`from`, e.g. 127.0.0.7),
 * so that per-client lockouts of one test do not reach another; `cookie` is sent as the browser would.
 */
export function authPost(
  gatewayUrl: string,
  path: '/auth/login' | '/auth/refresh' | '/auth/logout',
  o: { body?: unknown; cookie?: string; from?: string; contentType?: string } = {},
): Promise<AuthAnswer> {
  const url = new URL(path, gatewayUrl);
  const payload = JSON.stringify(o.body ?? {});
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        localAddress: o.from ?? '127.0.0.1',
        headers: {
          'content-type': o.contentType ?? 'application/json',
          ...(o.cookie ? { cookie: o.cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const setCookie = res.headers['set-cookie']?.[0];
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {}, setCookie });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The `name=value` pair of a `Set-Cookie` header, as a browser sends it back. */
export function cookiePair(setCookie: string | undefined): string {
  if (!setCookie) throw new Error('no Set-Cookie in the answer');
  return setCookie.split(';')[0]!;
}
