import { randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error';
import { Role } from './role';
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
