import type { DataSource } from 'typeorm';

/**
 * Creates the service's schema if needed and runs its pending migrations, each in its own
 * transaction, under an advisory lock so that several replicas starting together migrate once.
 * Returns the names of the migrations applied.
 */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`sunlight:migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`sunlight:migrate:${schema}`])
      .catch(() => undefined);
    await runner.release();
  }
}
