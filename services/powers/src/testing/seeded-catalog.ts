import { buildFederatedSchema, createLogger, type Principal, type Role } from '@sunlight/shared';
import { countRows, openTestDataSource } from '@sunlight/shared/testing';
import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { findDemoAccount, generateDemoData, type DemoData } from '../demo/demo-data';
import { createPowerLoaders } from '../power/power.loader';
import { PowerQueryService } from '../power/power-query.service';
import { PowerService } from '../power/power.service';
import { powersSubgraph } from '../powers.subgraph';
import { seedDemo } from '../seed/seed-demo';

/** A fresh, migrated powers database holding the demo city, with the services under test. */
export interface SeededCatalog {
  ds: DataSource;
  data: DemoData;
  powers: PowerService;
  /** A query service with fresh loaders, as one request gets. */
  reads(): PowerQueryService;
  /** The demo account of `role` at `unit`, as a principal. */
  as(role: Role, unit: string): Principal;
  /** Runs a `SELECT count(*) …` and returns the number. */
  count(sql: string, params?: unknown[]): Promise<number>;
  /** Runs a GraphQL operation through the subgraph's federated schema, as `principal`, with a fresh context. */
  execute(principal: Principal, source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult>;
  close(): Promise<void>;
}

/** Opens a throwaway database on the run's PostgreSQL, migrates it and seeds the demo city. */
export async function openSeededCatalog(): Promise<SeededCatalog> {
  const db = await openTestDataSource({
    schema: 'powers',
    entities: powersSubgraph.entities,
    migrations: powersSubgraph.migrations,
  });
  const ds = db.dataSource;
  await seedDemo(ds, createLogger('test'));
  const data = generateDemoData();
  let schema: Promise<GraphQLSchema> | undefined;
  return {
    ds,
    data,
    powers: new PowerService(ds),
    reads: () => new PowerQueryService(ds, createPowerLoaders(ds)),
    as(role, unit) {
      const account = findDemoAccount(data, role, unit);
      if (!account) throw new Error(`no demo ${role} at ${unit}`);
      return {
        subject: account.subject,
        role: account.role,
        unit: account.unitCode,
        department: account.departmentId ?? undefined,
      };
    },
    count: (sql, params) => countRows(ds, sql, params),
    async execute(principal, source, variableValues) {
      schema ??= buildFederatedSchema(
        { resolvers: powersSubgraph.resolvers, orphanedTypes: powersSubgraph.orphanedTypes },
        powersSubgraph.references,
      ).then((built) => built.schema);
      const contextValue = powersSubgraph.createContext({
        principal,
        requestId: 'spec',
        dataSource: ds,
        logger: createLogger('test'),
      });
      return graphql({ schema: await schema, source, contextValue, variableValues });
    },
    close: () => db.close(),
  };
}

/**
 * Opens a seeded catalog before the enclosing suite's tests and closes it after them (call it at
 * describe level). The object it returns reaches that catalog once the suite runs; touching it at
 * describe time throws.
 */
export function useSeededCatalog(): SeededCatalog {
  let opened: SeededCatalog | undefined;
  beforeAll(async () => {
    opened = await openSeededCatalog();
  });
  afterAll(() => opened?.close());
  const current = (): SeededCatalog => {
    if (!opened) throw new Error('the seeded catalog is opened in beforeAll: use it inside hooks and tests');
    return opened;
  };
  return {
    get ds() {
      return current().ds;
    },
    get data() {
      return current().data;
    },
    get powers() {
      return current().powers;
    },
    reads: () => current().reads(),
    as: (role, unit) => current().as(role, unit),
    count: (sql, params) => current().count(sql, params),
    execute: (principal, source, variableValues) => current().execute(principal, source, variableValues),
    close: () => current().close(),
  };
}
