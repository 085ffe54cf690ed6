import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Role,
  ServiceCallError,
  type HttpRoute,
  type Logger,
  type Principal,
  type TokenService,
} from '@sunlight/shared';
import { readRefreshCookie, refreshCookie } from './refresh-cookie';
import type { SignInClient, SignInGrant } from './sign-in-client';

/** Access tokens from sign-in live 15 minutes; the console refreshes them with the cookie. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

const MAX_BODY_BYTES = 4096;

/** HTTP status of each refusal the account registry answers with. */
const STATUS: Record<string, number> = {
  LOGIN_FAILED: 401,
  ACCOUNT_DISABLED: 403,
  REFRESH_INVALID: 401,
  REFRESH_REUSED: 401,
  ACCOUNT_LOCKED: 429,
  CLIENT_LOCKED: 429,
  VALIDATION_FAILED: 400,
};

class BadRequest extends Error {}

function reply(res: ServerResponse, status: number, body: unknown, cookie?: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(cookie ? { 'set-cookie': cookie } : {}),
  });
  res.end(JSON.stringify(body));
}

/** A JSON body of at most 4 KiB; JSON only, which a cross-site form cannot send without a preflight. */
async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new BadRequest('请求须为 application/json');
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('请求体过大');
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new BadRequest('请求体不是 JSON 对象');
}

/**
 * `POST /auth/login`, `/auth/refresh` and `/auth/logout`: the gateway's side of signing in. The
 * account registry (powers) checks the password, counts failures and keeps refresh tokens; the
 * gateway mints the short access token (the same JWT `npm run -s token` gives, so every subgraph
 * accepts it) and holds the refresh token in an httpOnly, SameSite=Strict cookie on `/auth`.
 */
export function signInRoutes(o: {
  client: SignInClient;
  tokens: TokenService;
  production: boolean;
  logger: Logger;
}): Record<string, HttpRoute> {
  const issue = async (req: IncomingMessage, res: ServerResponse, grant: SignInGrant): Promise<void> => {
    const principal: Principal = {
      subject: grant.subject,
      role: grant.role as Role,
      unit: grant.unit,
      ...(grant.department ? { department: grant.department } : {}),
      ...(grant.post ? { post: grant.post } : {}),
      name: grant.name,
    };
    const accessToken = await o.tokens.issue(principal, ACCESS_TOKEN_TTL_SECONDS);
    const cookie = refreshCookie(req, o.production, grant.refreshToken, new Date(grant.refreshExpiresAt));
    reply(
      res,
      200,
      {
        accessToken,
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
        mustChangePassword: grant.mustChangePassword,
        account: {
          subject: grant.subject,
          name: grant.name,
          role: grant.role,
          unit: grant.unit,
          department: grant.department,
          post: grant.post,
        },
      },
      cookie,
    );
  };

  const guarded =
    (route: (req: IncomingMessage, res: ServerResponse) => Promise<void>, clearOnRefusal: boolean): HttpRoute =>
    async (req, res) => {
      try {
        await route(req, res);
      } catch (e) {
        if (e instanceof BadRequest) return reply(res, 400, { error: { code: 'BAD_REQUEST', message: e.message } });
        const cleared = clearOnRefusal ? refreshCookie(req, o.production, undefined) : undefined;
        if (e instanceof ServiceCallError && e.code && STATUS[e.code] !== undefined)
          return reply(res, STATUS[e.code]!, { error: { code: e.code, message: e.message } }, cleared);
        o.logger.warn('sign-in failed on the account registry', { error: e instanceof Error ? e.message : String(e) });
        reply(res, 503, { error: { code: 'ACCOUNTS_UNAVAILABLE', message: '暂时无法登录，请稍后重试' } });
      }
    };

  return {
    'POST /auth/login': guarded(async (req, res) => {
      const body = await jsonBody(req);
      const { subject, password } = body;
      if (typeof subject !== 'string' || typeof password !== 'string' || !subject || !password)
        throw new BadRequest('请填写账号和密码');
      if (subject.length > 128 || password.length > 256) throw new BadRequest('账号或密码过长');
      await issue(req, res, await o.client.signIn(subject, password, req.socket.remoteAddress ?? 'unknown'));
    }, false),
    'POST /auth/refresh': guarded(async (req, res) => {
      await jsonBody(req);
      const token = readRefreshCookie(req);
      if (!token) return reply(res, 401, { error: { code: 'REFRESH_INVALID', message: '登录已失效，请重新登录' } });
      await issue(req, res, await o.client.refresh(token));
    }, true),
    'POST /auth/logout': guarded(async (req, res) => {
      await jsonBody(req);
      const token = readRefreshCookie(req);
      if (token) await o.client.signOut(token);
      reply(res, 200, { ok: true }, refreshCookie(req, o.production, undefined));
    }, true),
  };
}
