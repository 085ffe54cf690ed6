import type { Client } from 'pg';
import { ConfigError } from '../config/config-error';
import {
  DATABASE_ROLE_HOLDERS,
  databaseRoleName,
  databaseRolePassword,
  type DatabaseRoleHolder,
} from './service-roles';

/** The attributes a service role must have: it logs in and can do nothing beyond its grants. */
const ROLE_ATTRIBUTES = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT';

interface RoleRow {
  rolsuper: boolean;
  rolbypassrls: boolean;
  rolcreaterole: boolean;
  rolcreatedb: boolean;
  rolreplication: boolean;
  rolcanlogin: boolean;
  memberships: number;
}

/**
 * Makes sure the login role of every holder exists with {@link ROLE_ATTRIBUTES} and belongs to no
 * other role (membership would lend it another role's privileges through SET ROLE). A missing
 * role is created with its derived password when the connection may create roles; with
 * `setPasswords` (the `db:roles` command) every role's password is set again. Creating the same
 * role from several processes at once is harmless: the loser finds it made.
 * @throws ConfigError (one line naming DATABASE_URL) when a role is missing or unsafe and this
 *   connection may not fix it.
 */
export async function ensureDatabaseRoles(
  client: Client,
  key: Uint8Array,
  options: { holders?: readonly DatabaseRoleHolder[]; setPasswords?: boolean } = {},
): Promise<void> {
  for (const holder of options.holders ?? DATABASE_ROLE_HOLDERS) {
    const role = databaseRoleName(holder);
    const password = client.escapeLiteral(databaseRolePassword(key, role));
    let found = await readRole(client, role);
    if (!found) {
      await refusedAs(`数据库角色 ${role} 不存在，且此连接无权创建`, () =>
        client.query(`CREATE ROLE "${role}" ${ROLE_ATTRIBUTES} PASSWORD ${password}`).catch((e: unknown) => {
          // 42710 duplicate_object, 23505 unique_violation: another process created it meanwhile.
          const code = (e as { code?: string }).code;
          if (code !== '42710' && code !== '23505') throw e;
        }),
      );
      found = await readRole(client, role);
    } else if (options.setPasswords) {
      await refusedAs(`无权设置数据库角色 ${role} 的密码`, () =>
        client.query(`ALTER ROLE "${role}" PASSWORD ${password}`),
      );
    }
    if (!found) throw roleError(`数据库角色 ${role} 未能创建`);
    if (!isSafe(found))
      await refusedAs(`数据库角色 ${role} 权限过大（超级用户、BYPASSRLS、CREATEROLE 等），且此连接无权收回`, () =>
        client.query(`ALTER ROLE "${role}" ${ROLE_ATTRIBUTES}`),
      );
    if (found.memberships > 0)
      throw roleError(`数据库角色 ${role} 属于其他角色，会借用其权限；请先撤销其成员关系（REVOKE ... FROM ${role}）`);
  }
}

/** Sets `role`'s password to the derived one (after a rotation of the internal secret, say). */
export async function resetDatabaseRolePassword(client: Client, key: Uint8Array, role: string): Promise<void> {
  const password = client.escapeLiteral(databaseRolePassword(key, role));
  await refusedAs(`数据库角色 ${role} 的密码与内部密钥不符，且此连接无权重设`, () =>
    client.query(`ALTER ROLE "${role}" PASSWORD ${password}`),
  );
}

async function readRole(client: Client, role: string): Promise<RoleRow | undefined> {
  const { rows } = await client.query<RoleRow>(
    `SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolreplication, r.rolcanlogin,
            (SELECT count(*)::int FROM pg_auth_members m WHERE m.member = r.oid) AS memberships
       FROM pg_roles r WHERE r.rolname = $1`,
    [role],
  );
  return rows[0];
}

function isSafe(r: RoleRow): boolean {
  return !r.rolsuper && !r.rolbypassrls && !r.rolcreaterole && !r.rolcreatedb && !r.rolreplication && r.rolcanlogin;
}

/** Runs `statement`; a refusal for want of privilege becomes one line telling the operator what to run. */
async function refusedAs(problem: string, statement: () => Promise<unknown>): Promise<void> {
  try {
    await statement();
  } catch (e) {
    if ((e as { code?: string }).code === '42501') throw roleError(problem);
    throw e;
  }
}

function roleError(problem: string): ConfigError {
  return new ConfigError([
    `DATABASE_URL: ${problem}；请用有 CREATEROLE 权限的连接运行 npm run -s db:roles -- --database-url <管理员连接>`,
  ]);
}
