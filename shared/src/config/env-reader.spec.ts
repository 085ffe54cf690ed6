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

describe('loadPlatformConfig: databases and the event stream', () => {
  it("gives each service its <SERVICE>_DATABASE_URL, else DATABASE_URL's", () => {
    const config = loadPlatformConfig({
      DATABASE_URL: 'postgres://u@shared:5432/sunlight',
      CASES_DATABASE_URL: 'postgres://u@cases-db:5432/cases',
      ALERTS_DATABASE_URL: 'postgresql://u@alerts-db:5432/alerts',
    });
    expect(config.serviceDatabaseUrls).toEqual({
      powers: 'postgres://u@shared:5432/sunlight',
      cases: 'postgres://u@cases-db:5432/cases',
      evaluations: 'postgres://u@shared:5432/sunlight',
      complaints: 'postgres://u@shared:5432/sunlight',
      alerts: 'postgresql://u@alerts-db:5432/alerts',
    });
    expect(loadPlatformConfig({ POWERS_DATABASE_URL: 'postgres://u@p/db' }).serviceDatabaseUrls.cases).toBeUndefined();
  });

  it('leaves the event stream off by default and reads its settings when NATS_URL is set', () => {
    expect(loadPlatformConfig({}).natsUrl).toBeUndefined();
    const config = loadPlatformConfig({
      NATS_URL: 'nats://n1:4222,tls://n2:4222',
      NATS_STREAM: 'EVENTS_2',
      NATS_SUBJECT_PREFIX: 'city.events',
    });
    expect(config.natsUrl).toBe('nats://n1:4222,tls://n2:4222');
    expect(config.eventStream).toMatchObject({ name: 'EVENTS_2', subjectPrefix: 'city.events' });
    expect(loadPlatformConfig({}).eventStream).toMatchObject({
      name: 'SUNLIGHT_EVENTS',
      subjectPrefix: 'sunlight.events',
    });
  });

  it('lists every bad database URL and NATS setting at once', () => {
    try {
      loadPlatformConfig({
        CASES_DATABASE_URL: 'mysql://h/db',
        EVALUATIONS_DATABASE_URL: 'not a url',
        NATS_URL: 'http://n:4222',
        NATS_STREAM: 'a.b',
        NATS_SUBJECT_PREFIX: 'sunlight.>',
      });
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toEqual([
        'NATS_URL must use the nats:// or tls:// scheme, got "http:"',
        'NATS_STREAM must be a stream name (letters, digits, _ and -), got "a.b"',
        'NATS_SUBJECT_PREFIX must be subject tokens separated by dots (no wildcards), got "sunlight.>"',
        'CASES_DATABASE_URL must use the postgres:// scheme, got "mysql:"',
        'EVALUATIONS_DATABASE_URL must be a URL like postgres://user@host:5432/db',
      ]);
    }
  });
});
