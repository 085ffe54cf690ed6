import { createServiceDataSource, migrate } from '@sunlight/shared';
import { SUBGRAPHS } from '../subgraphs';

/**
 * Creates every service's schema exactly as the services do at start-up: each service's own
 * migrations (whatever they are now), through the platform's `migrate`. Returns what was applied.
 */
export async function migrateServices(url: string): Promise<string[]> {
  const applied: string[] = [];
  for (const { definition } of SUBGRAPHS) {
    const ds = createServiceDataSource({
      url,
      schema: definition.name,
      entities: definition.entities,
      migrations: definition.migrations,
      poolSize: 2,
    });
    await ds.initialize();
    try {
      applied.push(...(await migrate(ds, definition.name)).map((m) => `${definition.name}:${m}`));
    } finally {
      await ds.destroy();
    }
  }
  return applied;
}

/** The services' schemas, in the order they are migrated. */
export const SERVICE_SCHEMAS = SUBGRAPHS.map((s) => s.definition.name);
