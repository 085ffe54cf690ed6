import { TokenService, type Logger, type Secrets } from '@sunlight/shared';
import type { ActivityConfig } from './activity-config';
import { ActivitySimulator } from './activity-simulator';

/**
 * Starts the demo's activity simulator inside the launcher, once the gateway serves, unless the
 * configuration turns it off. It runs in the launcher's process rather than as a supervised
 * child: it is a slow HTTP client (a few requests a minute) with nothing to restart, it signs
 * the demo tokens with the keys the launcher already holds, and it must stop before the gateway
 * does, which the launcher's own shutdown orders. A fault inside it is logged, never thrown.
 */
export function launchDemoActivity(o: {
  config: ActivityConfig;
  secrets: Secrets;
  /** Where the gateway listens (a wildcard address is reached on loopback). */
  gateway: { host: string; port: number };
  logger: Logger;
}): ActivitySimulator | undefined {
  if (!o.config.enabled) {
    o.logger.info('demo activity off', { reason: o.config.offReason });
    return undefined;
  }
  return new ActivitySimulator({
    gatewayUrl: gatewayUrl(o.gateway.host, o.gateway.port),
    tokens: new TokenService(o.secrets.tokenSecret, o.secrets.internalSecret),
    intervalMs: o.config.intervalMs,
    seed: o.config.seed,
    logger: o.logger.child({ activity: 'demo' }),
  }).start();
}

/** The ready banner's lines about the simulator: what it does and how to stop it, or why it is off. */
export function activityBannerLines(config: ActivityConfig): string[] {
  if (!config.enabled) return [`Demo activity: off (${config.offReason ?? 'not configured'}).`];
  const perMinute = (60_000 / config.intervalMs).toFixed(config.intervalMs > 60_000 ? 2 : 0);
  return [
    `Demo activity: on, about ${perMinute} actions a minute (DEMO_ACTIVITY_INTERVAL_MS=${config.intervalMs}, DEMO_ACTIVITY_SEED=${config.seed}):`,
    '  clerks file and advance cases, leaders decide them, citizens rate and complain, through the API.',
    '  Stop it: DEMO_ACTIVITY=off npm start',
  ];
}

function gatewayUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}/graphql`;
}
