import { randomBytes } from 'node:crypto';
import { decodeProtectedHeader, SignJWT } from 'jose';
import { AppError } from '../errors/app-error';
import { Role } from './role';
import { TokenKeys } from './token-keys';
import { TokenService } from './token-service';

const key = () => new Uint8Array(randomBytes(32));

describe('TokenService', () => {
  const tokens = new TokenService(key(), key());
  const inspector = { subject: 'inspector.139901000000', role: Role.INSPECTOR, unit: '139901000000', department: 'd1' };

  it('round-trips a user token', async () => {
    const { principal } = await tokens.verify(await tokens.issue(inspector));
    expect(principal).toEqual(inspector);
  });

  it('refuses a token signed with another key', async () => {
    const other = new TokenService(key(), key());
    await expect(tokens.verify(await other.issue(inspector))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('reports an expired token as TOKEN_EXPIRED', async () => {
    const token = await tokens.issue(inspector, -10);
    await expect(tokens.verify(token)).rejects.toMatchObject({ extensions: { code: 'TOKEN_EXPIRED' } });
  });

  it('does not accept a user token as a gateway assertion, nor the reverse', async () => {
    await expect(tokens.verifyAssertion(await tokens.issue(inspector))).rejects.toMatchObject({
      extensions: { code: 'GATEWAY_REQUIRED' },
    });
    await expect(tokens.verify(await tokens.assert(inspector))).rejects.toBeInstanceOf(AppError);
  });

  it('refuses a missing assertion', async () => {
    await expect(tokens.verifyAssertion(undefined)).rejects.toMatchObject({ extensions: { code: 'GATEWAY_REQUIRED' } });
  });

  it('refuses a person token without a valid unit', async () => {
    const bad = await tokens.issue({ subject: 'x', role: Role.CLERK, unit: '12' });
    await expect(tokens.verify(bad)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('TokenService claims and keys', () => {
  const secret = key();
  const internal = key();
  const tokens = new TokenService(secret, internal);
  const clerk = { subject: 'clerk.139901000000', role: Role.CLERK, unit: '139901000000' };
  const kid = TokenKeys.kidOf(secret);
  /** A token signed with the right key, issuer and audience, built claim by claim. */
  const forged = (build: (jwt: SignJWT) => SignJWT, header: Record<string, unknown> = { alg: 'HS256', kid }) =>
    build(
      new SignJWT({ role: clerk.role, unit: clerk.unit })
        .setProtectedHeader(header as { alg: string })
        .setIssuer('sunlight')
        .setAudience('sunlight-api'),
    ).sign(secret);
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

  it('accepts a complete token (the forging helper is sound)', async () => {
    const token = await forged((j) => j.setSubject(clerk.subject).setIssuedAt().setExpirationTime(inAnHour()));
    await expect(tokens.verify(token)).resolves.toMatchObject({ principal: clerk });
  });

  it('refuses a token without exp', async () => {
    const token = await forged((j) => j.setSubject(clerk.subject).setIssuedAt());
    await expect(tokens.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token without iat, or without sub', async () => {
    const noIat = await forged((j) => j.setSubject(clerk.subject).setExpirationTime(inAnHour()));
    const noSub = await forged((j) => j.setIssuedAt().setExpirationTime(inAnHour()));
    await expect(tokens.verify(noIat)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(tokens.verify(noSub)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token of the wrong issuer or audience', async () => {
    const other = (iss: string, aud: string) =>
      new SignJWT({ role: clerk.role, unit: clerk.unit })
        .setProtectedHeader({ alg: 'HS256', kid })
        .setSubject(clerk.subject)
        .setIssuer(iss)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime(inAnHour())
        .sign(secret);
    await expect(tokens.verify(await other('elsewhere', 'sunlight-api'))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(tokens.verify(await other('sunlight', 'sunlight-subgraph'))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('names the signing key in kid, and refuses a token with no kid or an unknown one', async () => {
    const issued = await tokens.issue(clerk);
    expect(decodeProtectedHeader(issued).kid).toBe(kid);
    const full = (j: SignJWT) => j.setSubject(clerk.subject).setIssuedAt().setExpirationTime(inAnHour());
    await expect(tokens.verify(await forged(full, { alg: 'HS256' }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(tokens.verify(await forged(full, { alg: 'HS256', kid: 'someone-else' }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('accepts the previous key after a rotation, signs with the new one, and forgets the key before', async () => {
    const next = key();
    const rotated = new TokenService(new TokenKeys(next, secret), internal);
    const before = await tokens.issue(clerk);
    await expect(rotated.verify(before)).resolves.toMatchObject({ principal: clerk });
    const after = await rotated.issue(clerk);
    expect(decodeProtectedHeader(after).kid).toBe(TokenKeys.kidOf(next));
    await expect(tokens.verify(after)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const again = new TokenService(new TokenKeys(key(), next), internal);
    await expect(again.verify(before)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(again.verify(after)).resolves.toMatchObject({ principal: clerk });
  });

  it('reports when a token was issued', async () => {
    const from = Date.now() - 1000;
    const { issuedAt, expiresAt } = await tokens.verify(await tokens.issue(clerk, 600));
    expect(issuedAt).toBeGreaterThanOrEqual(Math.floor(from / 1000) * 1000);
    expect(expiresAt - issuedAt).toBe(600_000);
  });

  it('refuses a gateway assertion without exp', async () => {
    const assertion = await new SignJWT({ role: clerk.role, unit: clerk.unit })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(clerk.subject)
      .setIssuer('sunlight')
      .setAudience('sunlight-subgraph')
      .sign(internal);
    await expect(tokens.verifyAssertion(assertion)).rejects.toMatchObject({ extensions: { code: 'GATEWAY_REQUIRED' } });
  });
});
