import { ConfigError } from '@sunlight/shared';
import { loadLauncherConfig } from './launcher-config';

describe('loadLauncherConfig: DEMO_HISTORY', () => {
  it('writes the demo history on a first start unless DEMO_HISTORY=off', () => {
    expect(loadLauncherConfig({}).demoHistory).toBe(true);
    expect(loadLauncherConfig({ DEMO_HISTORY: 'on' }).demoHistory).toBe(true);
    expect(loadLauncherConfig({ DEMO_HISTORY: 'off' }).demoHistory).toBe(false);
  });

  it('names a bad value', () => {
    expect(() => loadLauncherConfig({ DEMO_HISTORY: 'maybe' })).toThrow(ConfigError);
    expect(() => loadLauncherConfig({ DEMO_HISTORY: 'maybe' })).toThrow(/DEMO_HISTORY/);
  });
});
