import { DEMO_PASSWORD } from '@sunlight/powers';
import { authPost, cookiePair } from '../support/auth-http';
import { startStack, type Stack } from '../support/start-stack';

const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const VIEWER = '{ viewer { subject role } }';

/** Signing in through the gateway (issue 13, Build 1): real HTTP, real PostgreSQL. */
describe('sign-in', () => {
  let stack: Stack;
  const login = (subject: string, password: string, from?: string) =>
    authPost(stack.gatewayUrl, '/auth/login', { body: { subject, password }, ...(from ? { from } : {}) });

  beforeAll(async () => {
    stack = await startStack();
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('signs a demo account in with the documented password; the access token calls the API', async () => {
    const answer = await login(`clerk.${COUNTY}`, DEMO_PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body.account).toMatchObject({ subject: `clerk.${COUNTY}`, role: 'CLERK', unit: COUNTY });
    const viewer = await stack.gql<{ viewer: { subject: string; role: string } }>(VIEWER, {
      token: answer.body.accessToken!,
    });
    expect(viewer.data?.viewer).toEqual({ subject: `clerk.${COUNTY}`, role: 'CLERK' });
    const payload = JSON.parse(Buffer.from(answer.body.accessToken!.split('.')[1]!, 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(payload.exp - payload.iat).toBe(15 * 60);
    expect(answer.body.mustChangePassword).toBe(false);
  });

  it('holds the refresh token in an httpOnly, SameSite=Strict cookie on /auth (not Secure over plain HTTP)', async () => {
    const { setCookie } = await login(`leader.${COUNTY}`, DEMO_PASSWORD);
    const attributes = setCookie!.split(';').map((a) => a.trim());
    expect(attributes[0]).toMatch(/^sunlight_refresh=[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/auth']));
    const maxAge = Number(attributes.find((a) => a.startsWith('Max-Age='))?.slice('Max-Age='.length));
    expect(maxAge).toBeGreaterThan(12 * 3600 - 10);
    expect(maxAge).toBeLessThanOrEqual(12 * 3600);
    expect(attributes).not.toContain('Secure');
  });

  it('answers a wrong password and an unknown account alike: LOGIN_FAILED, in Chinese', async () => {
    const wrong = await login(`clerk.${TOWNSHIP}`, 'not-the-password-1', '127.0.0.2');
    const unknown = await login('nobody.at.all', 'not-the-password-1', '127.0.0.2');
    for (const a of [wrong, unknown]) {
      expect(a.status).toBe(401);
      expect(a.body.error).toEqual({ code: 'LOGIN_FAILED', message: '账号或密码错误' });
      expect(a.setCookie).toBeUndefined();
    }
  });

  it('refuses a login that is not JSON (a cross-site form cannot send it)', async () => {
    const form = await authPost(stack.gatewayUrl, '/auth/login', {
      body: { subject: `clerk.${COUNTY}`, password: DEMO_PASSWORD },
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(400);
  });

  it('locks an account after 5 failures, from any address, even for the right password; failures slow down', async () => {
    const subject = `inspector.${TOWNSHIP}`;
    const started = Date.now();
    for (let i = 0; i < 5; i++) {
      const a = await login(subject, `wrong-password-${i}`, `127.0.0.${10 + i}`);
      expect(a.body.error?.code).toBe('LOGIN_FAILED');
    }
    // the 3rd, 4th and 5th failures waited 250, 500 and 1000 ms
    expect(Date.now() - started).toBeGreaterThanOrEqual(1750);
    const locked = await login(subject, DEMO_PASSWORD, '127.0.0.20');
    expect(locked.status).toBe(429);
    expect(locked.body.error?.code).toBe('ACCOUNT_LOCKED');
    expect(locked.body.error?.message).toMatch(/锁定/);
  });

  it('locks a client address after 20 failures, whatever the accounts; other addresses still sign in', async () => {
    for (let i = 0; i < 20; i++) {
      const a = await login(`guess.${i}`, 'wrong-password-0', '127.0.0.30');
      expect(a.body.error?.code).toBe('LOGIN_FAILED');
    }
    const locked = await login(`admin.${COUNTY}`, DEMO_PASSWORD, '127.0.0.30');
    expect(locked.status).toBe(429);
    expect(locked.body.error?.code).toBe('CLIENT_LOCKED');
    expect((await login(`admin.${COUNTY}`, DEMO_PASSWORD, '127.0.0.31')).status).toBe(200);
  });

  it('rotates the refresh token; a reused one revokes the whole family', async () => {
    const first = await login(`clerk.${COUNTY}`, DEMO_PASSWORD);
    const second = await authPost(stack.gatewayUrl, '/auth/refresh', { cookie: cookiePair(first.setCookie) });
    expect(second.status).toBe(200);
    expect(cookiePair(second.setCookie)).not.toBe(cookiePair(first.setCookie));
    const viewer = await stack.gql<{ viewer: { subject: string } }>(VIEWER, { token: second.body.accessToken! });
    expect(viewer.data?.viewer.subject).toBe(`clerk.${COUNTY}`);

    const reused = await authPost(stack.gatewayUrl, '/auth/refresh', { cookie: cookiePair(first.setCookie) });
    expect(reused.status).toBe(401);
    expect(reused.body.error?.code).toBe('REFRESH_REUSED');
    expect(reused.setCookie).toMatch(/Max-Age=0/);
    // the legitimate holder's newer token went with its family
    const after = await authPost(stack.gatewayUrl, '/auth/refresh', { cookie: cookiePair(second.setCookie) });
    expect(after.body.error?.code).toBe('REFRESH_INVALID');
  });

  it('logout revokes the refresh token and clears the cookie', async () => {
    const signedIn = await login(`leader.${TOWNSHIP}`, DEMO_PASSWORD);
    const out = await authPost(stack.gatewayUrl, '/auth/logout', { cookie: cookiePair(signedIn.setCookie) });
    expect(out.status).toBe(200);
    expect(out.setCookie).toMatch(/^sunlight_refresh=; Path=\/auth; HttpOnly; SameSite=Strict; Max-Age=0/);
    const refreshed = await authPost(stack.gatewayUrl, '/auth/refresh', { cookie: cookiePair(signedIn.setCookie) });
    expect(refreshed.status).toBe(401);
    expect(refreshed.body.error?.code).toBe('REFRESH_INVALID');
  });

  it('refuses a disabled account at once: no login, no refresh', async () => {
    const subject = `clerk.${TOWNSHIP}`;
    const before = await login(subject, DEMO_PASSWORD, '127.0.0.40');
    expect(before.status).toBe(200);
    const admin = (await login(`admin.${COUNTY}`, DEMO_PASSWORD, '127.0.0.41')).body.accessToken!;
    const disabled = await stack.gql('mutation($s: String!) { disableAccount(subject: $s) { status } }', {
      token: admin,
      variables: { s: subject },
    });
    expect(disabled.data).toEqual({ disableAccount: { status: 'DISABLED' } });
    const refused = await login(subject, DEMO_PASSWORD, '127.0.0.40');
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('ACCOUNT_DISABLED');
    const refresh = await authPost(stack.gatewayUrl, '/auth/refresh', { cookie: cookiePair(before.setCookie) });
    expect(refresh.body.error?.code).toBe('REFRESH_INVALID');
    await stack.gql('mutation($s: String!) { enableAccount(subject: $s) { status } }', {
      token: admin,
      variables: { s: subject },
    });
    expect((await login(subject, DEMO_PASSWORD, '127.0.0.40')).status).toBe(200);
  });

  it('a person changes its own password with the current one; everything of the account is signed out', async () => {
    const subject = `inspector.${COUNTY}`;
    const signedIn = await login(subject, DEMO_PASSWORD, '127.0.0.50');
    const change = (current: string) =>
      stack.gql<{ changeMyPassword: boolean }>(
        'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) }',
        { token: signedIn.body.accessToken!, variables: { c: current, n: 'Xin2026mima!' } },
      );
    const wrong = await change('not-it-2026');
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'LOGIN_FAILED', field: 'currentPassword' });
    expect((await change(DEMO_PASSWORD)).data).toEqual({ changeMyPassword: true });
    expect((await login(subject, DEMO_PASSWORD, '127.0.0.50')).body.error?.code).toBe('LOGIN_FAILED');
    const again = await login(subject, 'Xin2026mima!', '127.0.0.50');
    expect(again.status).toBe(200);
    expect(again.body.mustChangePassword).toBe(false);
    const refresh = await authPost(stack.gatewayUrl, '/auth/refresh', { cookie: cookiePair(signedIn.setCookie) });
    expect(refresh.body.error?.code).toBe('REFRESH_INVALID');
  });
});
