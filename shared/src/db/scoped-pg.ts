import pg from 'pg';
import { requestScope, type DatabaseScope } from './request-scope';

/** The settings the row-level policies read (see `rowScopeSql`). */
export const SCOPE_SETTINGS = { low: 'sunlight.scope_low', high: 'sunlight.scope_high' } as const;

type Done = (release?: unknown) => void;
type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: Done) => void;

/** The scope a pooled connection carries now, remembered on the connection itself. */
const carried = new WeakMap<pg.PoolClient, string>();

function keyOf(scope: DatabaseScope): string {
  return scope ? `${scope.low}:${scope.high}` : '';
}

/**
 * Binds `client` to `scope` for as long as it is checked out: one `set_config` (session-wide, so it
 * holds across the statements and transactions of this checkout) unless it carries that scope
 * already. Every checkout sets the scope of its own caller, so a connection never carries a
 * previous borrower's scope into a request; no scope sets empty bounds, which match no row.
 */
async function bind(client: pg.PoolClient, scope: DatabaseScope): Promise<void> {
  const key = keyOf(scope);
  if (carried.get(client) === key) return;
  carried.delete(client); // a failed set_config leaves it unknown
  await client.query('SELECT set_config($1, $2, false), set_config($3, $4, false)', [
    SCOPE_SETTINGS.low,
    scope?.low ?? '',
    SCOPE_SETTINGS.high,
    scope?.high ?? '',
  ]);
  carried.set(client, key);
}

/** A pg Pool whose every checkout is bound to the scope of the code that asked for it. */
class ScopedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    // Read in the caller's async context: the checkout may be served later, from another's release.
    const scope = requestScope.current();
    if (!callback)
      return super.connect().then(async (client) => {
        try {
          await bind(client, scope);
          return client;
        } catch (e) {
          client.release(e as Error);
          throw e;
        }
      });
    super.connect((err, client, done) => {
      if (err || !client) return callback(err ?? new Error('no client'), client, done);
      bind(client, scope).then(
        () => callback(undefined, client, done),
        (e: unknown) => {
          done(e);
          callback(e as Error, undefined, () => undefined);
        },
      );
    });
  }
}

/**
 * The `pg` module as TypeORM's postgres driver uses it, with {@link ScopedPool} as its Pool. The
 * rest (types, Client) is pg's own, reached through the prototype (no getter of pg runs early).
 */
export const scopedPg: typeof pg = Object.assign(Object.create(pg) as typeof pg, { Pool: ScopedPool });
