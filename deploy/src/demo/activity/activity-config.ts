import { ConfigError, env, readEnv } from '@sunlight/shared';

/** What the demo's activity simulator reads (README: "Configuration"). */
export interface ActivityConfig {
  /** Whether `npm start` runs it: development only, and not with `DEMO_ACTIVITY=off`. */
  enabled: boolean;
  /** Why it is off, for the log and the banner; undefined when on. */
  offReason: string | undefined;
  /** The mean wait between two actions across the city; each wait is jittered around it. */
  intervalMs: number;
  /** Seed of every choice it makes; drawn (and logged) when DEMO_ACTIVITY_SEED is unset. */
  seed: number;
}

/** 15 s on average: four actions a minute across the city, a human pace. */
export const DEFAULT_ACTIVITY_INTERVAL_MS = 15_000;

/**
 * Reads DEMO_ACTIVITY (`on` or `off`, default on), DEMO_ACTIVITY_INTERVAL_MS and
 * DEMO_ACTIVITY_SEED; throws a ConfigError naming each bad one. The simulator never runs unless
 * NODE_ENV is development (the default); an explicit `DEMO_ACTIVITY=on` with NODE_ENV=production is
 * refused rather than ignored.
 */
export function loadActivityConfig(
  source: NodeJS.ProcessEnv = process.env,
  drawSeed: () => number = () => Math.floor(Math.random() * 2 ** 31),
): ActivityConfig {
  const own = readEnv(
    {
      NODE_ENV: env.oneOf(['development', 'production', 'test'] as const, 'development'),
      DEMO_ACTIVITY: env.oneOf(['on', 'off'] as const, 'on'),
      DEMO_ACTIVITY_INTERVAL_MS: env.int(DEFAULT_ACTIVITY_INTERVAL_MS, 10, 3_600_000),
      DEMO_ACTIVITY_SEED: env.int(-1, 0, 2 ** 31 - 1),
    },
    source,
  );
  if (own.NODE_ENV === 'production' && source['DEMO_ACTIVITY'] === 'on')
    throw new ConfigError([
      'DEMO_ACTIVITY=on is for the development demo; the activity simulator never runs with NODE_ENV=production (unset DEMO_ACTIVITY)',
    ]);
  const offReason =
    own.DEMO_ACTIVITY === 'off'
      ? 'DEMO_ACTIVITY=off'
      : own.NODE_ENV !== 'development'
        ? `NODE_ENV=${own.NODE_ENV}`
        : undefined;
  return {
    enabled: offReason === undefined,
    offReason,
    intervalMs: own.DEMO_ACTIVITY_INTERVAL_MS,
    seed: own.DEMO_ACTIVITY_SEED >= 0 ? own.DEMO_ACTIVITY_SEED : drawSeed(),
  };
}
