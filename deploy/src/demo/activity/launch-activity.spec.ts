import { activityBannerLines } from './launch-activity';

describe('activityBannerLines', () => {
  it('says what the simulator does, at what pace, and how to stop it', () => {
    const lines = activityBannerLines({ enabled: true, offReason: undefined, intervalMs: 15_000, seed: 9 });
    expect(lines[0]).toBe(
      'Demo activity: on, about 4 actions a minute (DEMO_ACTIVITY_INTERVAL_MS=15000, DEMO_ACTIVITY_SEED=9):',
    );
    expect(lines.at(-1)).toBe('  Stop it: DEMO_ACTIVITY=off npm start');
  });

  it('says why it is off', () => {
    expect(
      activityBannerLines({ enabled: false, offReason: 'DEMO_ACTIVITY=off', intervalMs: 15_000, seed: 9 }),
    ).toEqual(['Demo activity: off (DEMO_ACTIVITY=off).']);
  });
});
