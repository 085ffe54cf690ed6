import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPlatformConfig } from '../config/platform-config';
import { Role } from './role';
import { loadSecrets, rotateTokenSecret, tokenKeysOf } from './secrets';
import { TokenService } from './token-service';

const clerk = { subject: 'clerk.139901000000', role: Role.CLERK, unit: '139901000000' };

describe('token keys in DATA_DIR', () => {
  const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-keys-'));
  const service = (dir: string) => {
    const secrets = loadSecrets(loadPlatformConfig({ DATA_DIR: dir }));
    return new TokenService(tokenKeysOf(secrets), secrets.internalSecret);
  };

  it('starts a fresh DATA_DIR with one key, and a rotation keeps the old one as previous', async () => {
    const dir = dataDir();
    const first = service(dir);
    expect(tokenKeysOf(loadSecrets(loadPlatformConfig({ DATA_DIR: dir }))).kids).toHaveLength(1);
    const old = await first.issue(clerk);
    const internal = loadSecrets(loadPlatformConfig({ DATA_DIR: dir })).internalSecret;

    const keys = rotateTokenSecret(dir);
    const second = service(dir);
    expect(tokenKeysOf(loadSecrets(loadPlatformConfig({ DATA_DIR: dir }))).kids).toEqual(keys.kids);
    await expect(second.verify(old)).resolves.toMatchObject({ principal: clerk });
    const fresh = await second.issue(clerk);
    await expect(first.verify(fresh)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(loadSecrets(loadPlatformConfig({ DATA_DIR: dir })).internalSecret).toEqual(internal);

    rotateTokenSecret(dir);
    const third = service(dir);
    await expect(third.verify(old)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(third.verify(fresh)).resolves.toMatchObject({ principal: clerk });
    expect(fs.statSync(path.join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('takes the previous key from SUNLIGHT_TOKEN_SECRET_PREVIOUS in production', () => {
    const env = {
      NODE_ENV: 'production',
      SUNLIGHT_TOKEN_SECRET: 'n'.repeat(40),
      SUNLIGHT_TOKEN_SECRET_PREVIOUS: 'p'.repeat(40),
      SUNLIGHT_INTERNAL_SECRET: 'i'.repeat(40),
    };
    expect(tokenKeysOf(loadSecrets(loadPlatformConfig(env))).kids).toHaveLength(2);
    expect(() => loadSecrets(loadPlatformConfig({ ...env, SUNLIGHT_TOKEN_SECRET_PREVIOUS: 'short' }))).toThrow(
      /SUNLIGHT_TOKEN_SECRET_PREVIOUS must be at least 32 characters/,
    );
  });
});
