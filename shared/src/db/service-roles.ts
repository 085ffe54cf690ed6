import { createHmac } from 'node:crypto';
import { SUBGRAPH_DIRECTORY, type SubgraphName } from '../service/subgraph-directory';

/** Who connects to the database under a role of its own: every subgraph, and the gateway (it only LISTENs). */
export type DatabaseRoleHolder = SubgraphName | 'gateway';

/** Every holder of a database role, in the subgraph directory's order, the gateway last. */
export const DATABASE_ROLE_HOLDERS: readonly DatabaseRoleHolder[] = [
  ...SUBGRAPH_DIRECTORY.map((s) => s.name),
  'gateway',
];

/**
 * Which services read another service's outbox, and whose: the only reads across schemas. Each
 * pair becomes one grant (USAGE on the source's schema, SELECT on its `outbox` table and nothing
 * else), made by the source when it starts. The alerts consumer's sources (`ALERT_SOURCES`) must
 * match this line.
 */
export const OUTBOX_READERS: { readonly [reader in SubgraphName]?: readonly SubgraphName[] } = {
  alerts: ['cases', 'evaluations', 'complaints'],
};

/**
 * Who reads the shared working calendar (the `calendar` schema): SELECT on its tables, nothing
 * else. {@link CALENDAR_LOADERS} may also run its one write path, `calendar.load_notice`
 * (the ADMIN mutation is served by cases). Granted by `grantCalendarPrivileges` at each start.
 */
export const CALENDAR_READERS: readonly SubgraphName[] = ['cases', 'complaints'];
export const CALENDAR_LOADERS: readonly SubgraphName[] = ['cases'];

/** The login role `holder` runs as: `sunlight_<holder>`. */
export function databaseRoleName(holder: DatabaseRoleHolder): string {
  return `sunlight_${holder}`;
}

/**
 * The password of `role`, derived from `key` (the platform's internal secret): every process
 * and the `db:roles` command that share the secret agree on it without storing it anywhere.
 */
export function databaseRolePassword(key: Uint8Array, role: string): string {
  return createHmac('sha256', key).update(`sunlight-database-role:${role}`).digest('base64url');
}

/** `url` with its user and password replaced by `role`'s; host, port, database and parameters kept. */
export function databaseRoleUrl(url: string, role: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * The key role passwords derive from when no internal secret is given (the test stacks, which
 * share one server with random token keys): the admin URL's own password, so that every stack on
 * one server derives the same passwords and none locks another out.
 */
export function fallbackRoleKey(adminUrl: string): Uint8Array {
  const u = new URL(adminUrl);
  return new TextEncoder().encode(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`);
}
