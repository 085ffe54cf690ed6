import { ConfigError } from './config-error';
import { env, readEnv } from './env-reader';
import { loadPlatformConfig } from './platform-config';
import { loadSecrets } from '../auth/secrets';

describe('readEnv', () => {
  it('lists every bad value at once', () => {
    const read = () =>
      readEnv(
        { PORT: env.port(1), MODE: env.oneOf(['a', 'b'] as const, 'a'), DB: env.postgresUrl() },
        { PORT: 'x', MODE: 'c', DB: 'mysql://h/db' },
      );
    expect(read).toThrow(ConfigError);
    try {
      read();
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([
        'PORT must be a port number 0-65535, got "x"',
        'MODE must be one of a, b, got "c"',
        'DB must use the postgres:// scheme, got "mysql:"',
      ]);
    }
  });

  it('applies defaults', () => {
    expect(readEnv({ PORT: env.port(4000) }, {})).toEqual({ PORT: 4000 });
  });
});

describe('loadSecrets', () => {
  it('refuses to start in production without configured keys', () => {
    const config = loadPlatformConfig({ NODE_ENV: 'production', DATA_DIR: '/nonexistent' });
    expect(() => loadSecrets(config)).toThrow(/SUNLIGHT_TOKEN_SECRET is required when NODE_ENV=production/);
  });

  it('refuses short production keys', () => {
    const config = loadPlatformConfig({
      NODE_ENV: 'production',
      SUNLIGHT_TOKEN_SECRET: 'short',
      SUNLIGHT_INTERNAL_SECRET: 'x'.repeat(40),
    });
    expect(() => loadSecrets(config)).toThrow(/at least 32 characters/);
  });

  it('generates development keys once into DATA_DIR and reuses them', () => {
    const dir = require('node:fs').mkdtempSync(
      require('node:path').join(require('node:os').tmpdir(), 'sunlight-secrets-'),
    );
    const config = loadPlatformConfig({ DATA_DIR: dir });
    const first = loadSecrets(config);
    const second = loadSecrets(config);
    expect(Buffer.from(first.tokenSecret).toString()).toBe(Buffer.from(second.tokenSecret).toString());
    expect(Buffer.from(first.tokenSecret).toString()).not.toBe(Buffer.from(first.internalSecret).toString());
  });
});
