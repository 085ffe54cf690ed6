import { env, PlatformTables1763769600000, readEnv, type SubgraphDefinition } from '@sunlight/shared';
import { alertReference } from './alert/alert.reference';
import { AlertResolver } from './alert/alert.resolver';
import { createAlertsContext, type AlertsContext } from './alerts.context';
import { AlertConsumer } from './consumer/alert-consumer';
import { Alerts1763770400000 } from './migrations/1763770400000-alerts';

/**
 * Builds the alerts subgraph. Its consumer reads the other services' outboxes in the same
 * database (`ALERTS_CONSUMER=off` disables it; tests drive it directly).
 */
export function createAlertsSubgraph(options: { consume?: boolean; databaseUrl?: string } = {}): SubgraphDefinition<AlertsContext> {
  return {
    name: 'alerts',
    entities: [],
    migrations: [PlatformTables1763769600000, Alerts1763770400000],
    resolvers: [AlertResolver],
    references: { Alert: alertReference },
    createContext: createAlertsContext,
    async prepare({ dataSource, logger }) {
      const e = readEnv({ ALERTS_CONSUMER: env.oneOf(['on', 'off'] as const, 'on'), DATABASE_URL: env.optionalString(), ALERTS_POLL_MS: env.int(1000, 50, 60_000) });
      const url = options.databaseUrl ?? e.DATABASE_URL;
      if ((options.consume ?? e.ALERTS_CONSUMER === 'on') === false || !url) return undefined;
      const consumer = new AlertConsumer(dataSource, logger);
      await consumer.start(url, e.ALERTS_POLL_MS);
      return () => consumer.stop();
    },
  };
}
