import { createLogger, Role, type Principal } from '@sunlight/shared';
import { seedDemo } from '../seed/seed-demo';
import { useSeededCatalog } from '../testing/seeded-catalog';
import { PasswordVerifier } from './credential-verifier';
import { DEMO_PASSWORD } from './demo-password';
import { DEFAULT_LOCKOUT } from './lockout-policy';
import { REFRESH_TTL_MS } from './refresh-tokens';
import { SignInService } from './sign-in.service';

const GATEWAY: Principal = { subject: 'service:gateway', role: Role.SERVICE };
const COUNTY = '139901000000';
const MINUTE = 60_000;

/** Sign-in rules that need time moved by hand: lock expiry, forgetting failures, refresh expiry. */
describe('SignInService', () => {
  const catalog = useSeededCatalog();
  let now = new Date('2026-12-07T08:00:00Z');
  const service = () =>
    new SignInService(catalog.ds, new PasswordVerifier(catalog.ds), { ...DEFAULT_LOCKOUT, slowMs: 0 }, () => now);
  const attempt = (subject: string, password: string, client = '10.0.0.1') =>
    service()
      .signIn(GATEWAY, subject, password, client)
      .then(
        () => 'OK',
        (e: { code?: string }) => e.code,
      );

  it('gives every demo account the demo password, also a demo database seeded before sign-in existed', async () => {
    const accounts = await catalog.count('SELECT count(*) FROM account');
    expect(await catalog.count('SELECT count(*) FROM account_credential')).toBe(accounts);
    await catalog.ds.query('DELETE FROM account_credential');
    await seedDemo(catalog.ds, createLogger('test'));
    expect(await catalog.count('SELECT count(*) FROM account_credential')).toBe(accounts);
    expect(await attempt(`clerk.${COUNTY}`, DEMO_PASSWORD)).toBe('OK');
  });

  it('refuses everyone but the gateway', async () => {
    await expect(
      service().signIn(
        { subject: `admin.${COUNTY}`, role: Role.ADMIN, unit: COUNTY },
        `clerk.${COUNTY}`,
        DEMO_PASSWORD,
        'x',
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('locks after 5 failures for 15 minutes, then lets the right password in', async () => {
    const subject = `leader.${COUNTY}`;
    for (let i = 0; i < 5; i++) expect(await attempt(subject, 'wrong-0000')).toBe('LOGIN_FAILED');
    expect(await attempt(subject, DEMO_PASSWORD)).toBe('ACCOUNT_LOCKED');
    now = new Date(now.getTime() + 14 * MINUTE);
    expect(await attempt(subject, DEMO_PASSWORD)).toBe('ACCOUNT_LOCKED');
    now = new Date(now.getTime() + 2 * MINUTE);
    expect(await attempt(subject, DEMO_PASSWORD)).toBe('OK');
  });

  it('forgets failures 15 minutes after the last, and a success clears the account count', async () => {
    const subject = `inspector.${COUNTY}`;
    for (let i = 0; i < 4; i++) expect(await attempt(subject, 'wrong-0000', '10.0.0.2')).toBe('LOGIN_FAILED');
    now = new Date(now.getTime() + 16 * MINUTE);
    for (let i = 0; i < 4; i++) expect(await attempt(subject, 'wrong-0000', '10.0.0.2')).toBe('LOGIN_FAILED');
    expect(await attempt(subject, DEMO_PASSWORD, '10.0.0.2')).toBe('OK');
    for (let i = 0; i < 4; i++) expect(await attempt(subject, 'wrong-0000', '10.0.0.3')).toBe('LOGIN_FAILED');
    expect(await attempt(subject, DEMO_PASSWORD, '10.0.0.3')).toBe('OK');
  });

  it('refuses a refresh token past its 12 hours', async () => {
    const grant = await service().signIn(GATEWAY, `admin.${COUNTY}`, DEMO_PASSWORD, '10.0.0.4');
    now = new Date(now.getTime() + REFRESH_TTL_MS + 1000);
    await expect(service().refresh(GATEWAY, grant.refreshToken)).rejects.toMatchObject({ code: 'REFRESH_INVALID' });
  });

  it('refuses a refresh token with a wrong secret for a real id, and leaves the real one usable', async () => {
    const grant = await service().signIn(GATEWAY, `admin.${COUNTY}`, DEMO_PASSWORD, '10.0.0.5');
    const [id] = grant.refreshToken.split('.');
    const forged = `${id}.${'A'.repeat(43)}`;
    await expect(service().refresh(GATEWAY, forged)).rejects.toMatchObject({ code: 'REFRESH_INVALID' });
    expect((await service().refresh(GATEWAY, grant.refreshToken)).subject).toBe(`admin.${COUNTY}`);
  });
});
