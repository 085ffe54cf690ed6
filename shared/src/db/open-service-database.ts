import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { SubgraphName } from '../service/subgraph-directory';
import { createServiceDataSource, type ServiceDataSourceOptions } from './create-data-source';
import { grantCalendarPrivileges } from './grant-calendar-privileges';
import { ensureDatabaseRoles, resetDatabaseRolePassword } from './ensure-database-roles';
import { grantServicePrivileges } from './grant-service-privileges';
import { migrate } from './migrate';
import { databaseRoleName, databaseRolePassword, databaseRoleUrl, fallbackRoleKey } from './service-roles';

/** A service's two connections to its database. */
export interface ServiceDatabase {
  /**
   * The owner's (the `DATABASE_URL` user's): it migrated the schema and may seed it. A small pool
   * kept for seeding, operators and tests; the service answers nothing through it.
   */
  owner: DataSource;
  /** The service's own login role (`sunlight_<schema>`): every request and background job runs here. */
  dataSource: DataSource;
  /** The URL of {@link ServiceDatabase.dataSource}: the service's role and its derived password. */
  url: string;
  /** The migrations this start applied. */
  applied: string[];
}

export interface OpenServiceDatabaseOptions extends Omit<ServiceDataSourceOptions, 'schema'> {
  schema: SubgraphName;
  /**
   * The key role passwords derive from: the platform's internal secret. Without it (test stacks),
   * the admin URL's credentials ({@link fallbackRoleKey}).
   */
  roleKey?: Uint8Array;
}

/**
 * Opens a service's database in the order least privilege needs: migrates as the owner at `url`,
 * makes sure every service role exists (creating them if the owner may; otherwise refusing with
 * one line that names the `db:roles` command), grants this service's role its privileges (on its
 * schema, and read-only on the shared working calendar when it keeps a clock), then
 * opens the service's pool as that role. Roles and grants are set by one process at a time
 * (an advisory lock), so replicas starting together do not collide. A role whose password no longer matches the key (the
 * internal secret rotated) gets it reset when the owner may.
 * @throws ConfigError when the roles are missing, unsafe or locked and the owner cannot fix them.
 */
export async function openServiceDatabase(o: OpenServiceDatabaseOptions): Promise<ServiceDatabase> {
  const owner = createServiceDataSource({ ...o, poolSize: 2 });
  await owner.initialize();
  try {
    const applied = await migrate(owner, o.schema);
    const key = o.roleKey ?? fallbackRoleKey(o.url);
    const role = databaseRoleName(o.schema);
    const roleUrl = databaseRoleUrl(o.url, role, databaseRolePassword(key, role));
    const admin = new Client({ connectionString: o.url });
    await admin.connect();
    try {
      // Replicas of one service start together (`npm run start:cluster`): two GRANTs on the same
      // objects at once fail with "tuple concurrently updated". One process at a time; quick.
      await admin.query('SELECT pg_advisory_lock(hashtext($1))', ['sunlight:service-roles']);
      await ensureDatabaseRoles(admin, key);
      await grantServicePrivileges(admin, o.schema);
      await grantCalendarPrivileges(admin, o.schema);
      if (!(await canLogIn(roleUrl))) await resetDatabaseRolePassword(admin, key, role);
    } finally {
      await admin.end(); // ends the session, and with it the lock
    }
    const dataSource = createServiceDataSource({ ...o, url: roleUrl, installExtensions: false });
    await dataSource.initialize();
    return { owner, dataSource, url: roleUrl, applied };
  } catch (e) {
    await owner.destroy().catch(() => undefined);
    throw e;
  }
}

/** Does the role's password work? (28P01: it does not; anything else is a real failure.) */
async function canLogIn(url: string): Promise<boolean> {
  const probe = new Client({ connectionString: url });
  try {
    await probe.connect();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === '28P01') return false;
    throw e;
  } finally {
    await probe.end().catch(() => undefined);
  }
}
