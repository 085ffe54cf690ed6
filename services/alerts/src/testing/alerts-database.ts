import { randomUUID } from 'node:crypto';
import { createLogger, Role, type Principal } from '@sunlight/shared';
import { openTestDataSource, serviceTestDatabase, type ServiceTestDatabase } from '@sunlight/shared/testing';
import { AlertService, type AlertRow } from '../alert/alert.service';
import { createAlertsSubgraph } from '../alerts.subgraph';
import { AlertConsumer } from '../jobs/alert-consumer';
import { openNeighbourOutboxes, type NeighbourOutboxes } from './neighbour-outboxes';

/**
 * A fresh database with the alerts migrations and, beside them, the neighbours' outboxes the
 * consumer reads; the consumer is driven by `drain()` rather than by its NOTIFY loop.
 */
export interface AlertsDatabase extends ServiceTestDatabase {
  outboxes: NeighbourOutboxes;
  consumer: AlertConsumer;
  alerts: AlertService;
  /** Reads every source until nothing readable is left; returns how many alerts were raised. */
  drain(): Promise<number>;
  /** The stored alerts raised from events of aggregate `subjectId`, oldest first. */
  alertsAbout(subjectId: string): Promise<AlertRow[]>;
}

/** People, as principals. */
export const people = {
  inspector(unit: string, subject = `inspector-${randomUUID().slice(0, 8)}`): Principal {
    return { subject, role: Role.INSPECTOR, unit };
  },
  leader(unit: string, subject = `leader-${randomUUID().slice(0, 8)}`): Principal {
    return { subject, role: Role.LEADER, unit };
  },
  clerk(unit: string): Principal {
    return { subject: `clerk-${randomUUID().slice(0, 8)}`, role: Role.CLERK, unit };
  },
};

/** Opens a throwaway database on the run's PostgreSQL with the alerts schema and the neighbours' outboxes. */
export async function openAlertsDatabase(): Promise<AlertsDatabase> {
  const db = await openTestDataSource({
    schema: 'alerts',
    entities: [],
    migrations: createAlertsSubgraph().migrations,
  });
  const outboxes = await openNeighbourOutboxes(db.url);
  const ds = db.dataSource;
  const consumer = new AlertConsumer(ds, createLogger('alerts-test'));
  return {
    ...serviceTestDatabase(db, 'alerts-int'),
    outboxes,
    consumer,
    alerts: new AlertService(ds),
    drain: () => consumer.drain(20_000),
    alertsAbout: (subjectId) => ds.query('SELECT * FROM alert WHERE subject_id = $1 ORDER BY seq', [subjectId]),
    async close() {
      await outboxes.close();
      await db.close();
    },
  };
}
