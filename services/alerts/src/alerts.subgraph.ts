import {
  env,
  OutboxNotify1765000000000,
  PlatformTables1763769600000,
  PreparedValue,
  readEnv,
  subgraphUrl,
  subtreeTrends,
  type EventStream,
  type SubgraphDefinition,
  type SubgraphName,
} from '@sunlight/shared';
import { alertReference } from './alert/alert.reference';
import { AlertResolver } from './alert/alert.resolver';
import type { AlertsConfig } from './alerts-config';
import { alertsContextFactory, type AlertsContext } from './alerts.context';
import { AlertConsumer } from './jobs/alert-consumer';
import { Alerts1763770400000 } from './migrations/1763770400000-alerts';
import { AlertMonthStat1763770800000 } from './migrations/1763770800000-alert-month-stat';
import { AlertMonthStatChanges1765200000000 } from './migrations/1765200000000-alert-month-stat-changes';
import { AlertMonthStatNotify1765300000000 } from './migrations/1765300000000-alert-month-stat-notify';
import { AlertRowSecurity1766300000000 } from './migrations/1766300000000-alert-row-security';
import { AlertMonthStatUpkeep1767100000000 } from './migrations/1767100000000-alert-month-stat-upkeep';
import { ALERT_MEASURES, createAlertMonthSums } from './stats/alert-month-sums';
import { PeerBaseline, subgraphTierSource, type TierInputSource } from './risk/peer-baseline';
import { UnitRiskResolver } from './risk/risk.resolver';
import { unitReference } from './unit/unit.reference';

export interface AlertsSubgraphOptions {
  consume?: boolean;
  databaseUrl?: string;
  /** The subgraphs the risk index reads its peers from (default: `SUBGRAPH_*_URL`). */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** Replaces where tier-wide inputs come from (tests). */
  tierSource?: TierInputSource;
  /** How long a tier's peer data is kept (default `RISK_PEERS_TTL_MS`, one minute). */
  peersTtlMs?: number;
  now?: () => Date;
  /** Read the sources' events from this stream (default: the platform's, when `NATS_URL` is set). */
  events?: EventStream;
}

/**
 * Builds the alerts subgraph. Its consumer reads the other services' outboxes in the same
 * database, or their events from the event stream when `NATS_URL` is set (`ALERTS_CONSUMER=off`
 * disables it; tests drive it directly). The risk index keeps each
 * tier's peer data for `RISK_PEERS_TTL_MS` (default one minute).
 */
export function createAlertsSubgraph(options: AlertsSubgraphOptions = {}): SubgraphDefinition<AlertsContext> {
  const config = new PreparedValue<AlertsConfig>('alerts');
  return {
    name: 'alerts',
    entities: [],
    migrations: [
      PlatformTables1763769600000,
      Alerts1763770400000,
      AlertMonthStat1763770800000,
      OutboxNotify1765000000000,
      AlertMonthStatChanges1765200000000,
      AlertMonthStatNotify1765300000000,
      AlertRowSecurity1766300000000,
      AlertMonthStatUpkeep1767100000000,
    ],
    resolvers: [AlertResolver, UnitRiskResolver],
    references: { Alert: alertReference, Unit: unitReference },
    createContext: (input) => alertsContextFactory(config.get())(input),
    async prepare({ dataSource, databaseUrl, logger, tokens, metrics, events }) {
      const e = readEnv({
        ALERTS_CONSUMER: env.oneOf(['on', 'off'] as const, 'on'),
        ALERTS_POLL_MS: env.int(1000, 50, 60_000),
        RISK_PEERS_TTL_MS: env.int(60_000, 0, 24 * 3600 * 1000),
      });
      const now = options.now ?? (() => new Date());
      const urlOf = (name: SubgraphName) => options.subgraphUrls?.[name] ?? subgraphUrl(name);
      const sums = createAlertMonthSums(dataSource);
      await sums.start({ logger });
      const source =
        options.tierSource ?? subgraphTierSource(urlOf, tokens, () => subtreeTrends(sums, ALERT_MEASURES, now));
      config.set({ baseline: new PeerBaseline(source, options.peersTtlMs ?? e.RISK_PEERS_TTL_MS), sums, now });
      const url = options.databaseUrl ?? databaseUrl; // LISTEN as the service's own role
      if ((options.consume ?? e.ALERTS_CONSUMER === 'on') === false || !url) return () => sums.stop();
      const lag = metrics.histogram(
        'sunlight_outbox_lag_seconds',
        "From an outbox event's write until a consumer read it, by consumer and source",
        ['consumer', 'source'],
      );
      const consumer = new AlertConsumer(
        dataSource,
        logger,
        (source, seconds) => lag.observe({ consumer: 'alerts', source }, seconds),
        options.events ?? events,
      );
      await consumer.start(url, e.ALERTS_POLL_MS);
      return async () => {
        await consumer.stop();
        await sums.stop();
      };
    },
  };
}
