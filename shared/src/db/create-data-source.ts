import type { MixedList } from 'typeorm';
import { DataSource, type EntitySchema } from 'typeorm';
import { requestScope } from './request-scope';
import { scopedPg } from './scoped-pg';

/** What a service needs to open its database. */
export interface ServiceDataSourceOptions {
  url: string;
  /** The Postgres schema the service owns; it is first on the search path. */
  schema: string;

  entities: MixedList<Function | string | EntitySchema>;

  migrations: MixedList<Function | string>;
  poolSize?: number;
  /** Called with every SQL statement (tests count them). */
  /** Every statement, and whether a request (not a background job) ran it. */
  onQuery?: (sql: string, inRequest: boolean) => void;
  /** Let TypeORM create the extensions the entities use (default true; a service role may not). */
  installExtensions?: boolean;
}

/**
 * Creates (but does not initialise) a TypeORM DataSource for one service's schema. Never
 * synchronizes: the schema changes only through the service's migrations. Its pool binds every
 * checkout to the caller's `requestScope` (the row-level policies read it; see `scopedPg`).
 */
export function createServiceDataSource(o: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    driver: scopedPg,
    url: o.url,
    schema: o.schema,
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    installExtensions: o.installExtensions ?? true,
    logging: o.onQuery ? ['query'] : false,
    logger: o.onQuery
      ? {
          logQuery: (sql: string) => o.onQuery?.(sql, requestScope.inRequest()),
          logQueryError: () => undefined,
          logQuerySlow: () => undefined,
          logSchemaBuild: () => undefined,
          logMigration: () => undefined,
          log: () => undefined,
        }
      : undefined,
    extra: {
      max: o.poolSize ?? 10,
      options: `-c search_path=${o.schema},public`,
      application_name: `sunlight-${o.schema}`,
    },
  });
}
