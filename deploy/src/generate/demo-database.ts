import { openServiceDatabase, requestScope, type Logger } from '@sunlight/shared';
import { SUBGRAPHS } from '../subgraphs';
import { writeDemoHistory, type DemoHistory, type DemoHistoryOptions } from './demo-history';

/**
 * Readies a database for the demo before any service starts, as each service's own start would:
 * its migrations, its login role and grants (so a service reading another's outbox finds it
 * readable from its first poll), the demo catalog seeded by the services' own `seedDemo` (which
 * does nothing when already seeded); then, with `history`, the demo city's twelve months of
 * history ({@link writeDemoHistory}, once per database). The services hold rollups in memory from
 * their start, so history must be written before them. Returns what was written, or null.
 */
export async function prepareDemoDatabase(
  o: DemoHistoryOptions & {
    history: boolean;
    logger: Logger;
    /** The key the services' role passwords derive from (the internal secret), as the services are given it. */
    roleKey?: Uint8Array;
  },
): Promise<DemoHistory | null> {
  for (const { definition } of SUBGRAPHS) {
    const db = await openServiceDatabase({
      url: o.url,
      schema: definition.name,
      entities: definition.entities,
      migrations: definition.migrations,
      poolSize: 2,
      ...(o.roleKey ? { roleKey: o.roleKey } : {}),
    });
    try {
      if (definition.seedDemo) await requestScope.asSystem(() => definition.seedDemo!(db.owner, o.logger));
    } finally {
      await db.dataSource.destroy();
      await db.owner.destroy();
    }
  }
  return o.history ? writeDemoHistory(o) : null;
}
