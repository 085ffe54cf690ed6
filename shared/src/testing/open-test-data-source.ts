import type { DataSource } from 'typeorm';
import { createServiceDataSource, type ServiceDataSourceOptions } from '../db/create-data-source';
import { migrate } from '../db/migrate';
import { createTestDatabase } from './test-database';

/**
 * A migrated DataSource for one service's schema in a fresh test database. `close()` destroys
 * the DataSource and drops the database.
 */
export async function openTestDataSource(
  options: Omit<ServiceDataSourceOptions, 'url'>,
): Promise<{ dataSource: DataSource; url: string; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const dataSource = createServiceDataSource({ ...options, url: database.url });
  await dataSource.initialize();
  await migrate(dataSource, options.schema);
  return {
    dataSource,
    url: database.url,
    async close() {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
