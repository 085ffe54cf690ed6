import { ConfigError } from '@sunlight/shared';
import { DEFAULT_ACTIVITY_INTERVAL_MS, loadActivityConfig } from './activity-config';

const seed = () => 42;

describe('loadActivityConfig', () => {
  it('is on in development by default, four actions a minute, with a drawn seed', () => {
    expect(loadActivityConfig({}, seed)).toEqual({
      enabled: true,
      offReason: undefined,
      intervalMs: DEFAULT_ACTIVITY_INTERVAL_MS,
      seed: 42,
    });
    expect(60_000 / DEFAULT_ACTIVITY_INTERVAL_MS).toBe(4);
  });

  it('is off with DEMO_ACTIVITY=off, and off outside development', () => {
    expect(loadActivityConfig({ DEMO_ACTIVITY: 'off' }, seed)).toMatchObject({
      enabled: false,
      offReason: 'DEMO_ACTIVITY=off',
    });
    expect(loadActivityConfig({ NODE_ENV: 'production' }, seed)).toMatchObject({
      enabled: false,
      offReason: 'NODE_ENV=production',
    });
    expect(loadActivityConfig({ NODE_ENV: 'test', DEMO_ACTIVITY: 'on' }, seed)).toMatchObject({ enabled: false });
  });

  it('takes a pace and a seed', () => {
    expect(loadActivityConfig({ DEMO_ACTIVITY_INTERVAL_MS: '2000', DEMO_ACTIVITY_SEED: '7' }, seed)).toMatchObject({
      enabled: true,
      intervalMs: 2000,
      seed: 7,
    });
  });

  it('refuses bad values, naming each variable', () => {
    const problems = (env: NodeJS.ProcessEnv): string[] => {
      try {
        loadActivityConfig(env, seed);
      } catch (e) {
        if (e instanceof ConfigError) return e.problems;
        throw e;
      }
      return [];
    };
    expect(problems({ DEMO_ACTIVITY: 'no', DEMO_ACTIVITY_INTERVAL_MS: '5', DEMO_ACTIVITY_SEED: 'x' })).toEqual([
      'DEMO_ACTIVITY must be one of on, off, got "no"',
      'DEMO_ACTIVITY_INTERVAL_MS must be an integer 10-3600000, got "5"',
      'DEMO_ACTIVITY_SEED must be an integer 0-2147483647, got "x"',
    ]);
    expect(problems({ DEMO_ACTIVITY_INTERVAL_MS: '1.5' })).toEqual([
      'DEMO_ACTIVITY_INTERVAL_MS must be an integer 10-3600000, got "1.5"',
    ]);
    expect(problems({ NODE_ENV: 'production', DEMO_ACTIVITY: 'on' })).toEqual([
      expect.stringContaining('never runs with NODE_ENV=production'),
    ]);
  });
});
