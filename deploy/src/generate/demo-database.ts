import { createServiceDataSource, requestScope, type Logger } from '@sunlight/shared';
import { SUBGRAPHS } from '../subgraphs';
import { writeDemoHistory, type DemoHistory, type DemoHistoryOptions } from './demo-history';
import { migrateServices } from './migrate-services';

/**
 * Readies a database for the demo before any service starts: every service's migrations, the
 * demo catalog seeded by the services' own `seedDemo` (as each does at start with SEED_DEMO, and
 * does nothing when already seeded), then, with `history`, the demo city's twelve months of history
 * ({@link writeDemoHistory}, once per database). The services hold rollups in memory from their
 * start, so history must be written before them. Returns what was written, or null.
 */
export async function prepareDemoDatabase(
  o: DemoHistoryOptions & { history: boolean; logger: Logger },
): Promise<DemoHistory | null> {
  await migrateServices(o.url);
  for (const { definition } of SUBGRAPHS) {
    if (!definition.seedDemo) continue;
    const ds = createServiceDataSource({
      url: o.url,
      schema: definition.name,
      entities: definition.entities,
      migrations: definition.migrations,
      poolSize: 2,
    });
    await ds.initialize();
    try {
      await requestScope.asSystem(() => definition.seedDemo!(ds, o.logger));
    } finally {
      await ds.destroy();
    }
  }
  return o.history ? writeDemoHistory(o) : null;
}
