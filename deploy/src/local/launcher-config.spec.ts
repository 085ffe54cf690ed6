import { ConfigError } from '@sunlight/shared';
import { loadLauncherConfig } from './launcher-config';

describe('loadLauncherConfig: DEMO_HISTORY', () => {
  it('writes the demo history on a first start unless DEMO_HISTORY=off', () => {
    expect(loadLauncherConfig({}).demoHistory).toBe(true);
    expect(loadLauncherConfig({ DEMO_HISTORY: 'on' }).demoHistory).toBe(true);
    expect(loadLauncherConfig({ DEMO_HISTORY: 'off' }).demoHistory).toBe(false);
  });

  it('writes it into a DATABASE_URL server only when asked with DEMO_HISTORY=on', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/staging';
    expect(loadLauncherConfig({ DATABASE_URL: url }).demoHistory).toBe(false);
    expect(loadLauncherConfig({ DATABASE_URL: url, DEMO_HISTORY: 'auto' }).demoHistory).toBe(false);
    expect(loadLauncherConfig({ DATABASE_URL: url, DEMO_HISTORY: 'on' }).demoHistory).toBe(true);
  });

  it('names a bad value', () => {
    expect(() => loadLauncherConfig({ DEMO_HISTORY: 'maybe' })).toThrow(ConfigError);
    expect(() => loadLauncherConfig({ DEMO_HISTORY: 'maybe' })).toThrow(/DEMO_HISTORY/);
  });
});
