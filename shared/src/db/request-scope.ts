import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { unitCode } from '../auth/unit-code';

/**
 * The unit codes a database connection may see through row-level security: `low..high`, a
 * fixed-width range (a subtree's bounds), or nothing (`null`: no scoped row at all).
 */
export type DatabaseScope = { readonly low: string; readonly high: string } | null;

/** Every unit: background jobs, the outbox, service-to-service calls, and reads the public may make. */
export const SYSTEM_SCOPE: DatabaseScope = Object.freeze({ low: '000000000000', high: '999999999999' });

/** What a request (or job) carries down to the pool: set once the principal is known. */
interface ScopeHolder {
  scope: DatabaseScope;
  /** Whether this run serves a request (set by {@link requestScope.run}, kept by `asSystem` inside one). */
  request: boolean;
}

const storage = new AsyncLocalStorage<ScopeHolder>();

/**
 * Carries the caller's scope from the request (or job) to the database pool, through
 * AsyncLocalStorage: every connection checked out inside {@link requestScope.run} is bound to the
 * scope in force at checkout (see `scopedPg`). Outside any run, or before the principal is known,
 * the scope is `null`: the row-level policies then show no row, so a forgotten scope fails closed.
 */
export const requestScope = {
  /** Runs `fn` (a request's whole handling) with no scope until {@link requestScope.enter} sets it. */
  run<T>(fn: () => T): T {
    return storage.run({ scope: null, request: true }, fn);
  },
  /** Sets the scope of the current run to `principal`'s (its unit's subtree; every unit for a service). */
  enter(principal: Principal): void {
    const holder = storage.getStore();
    if (holder) holder.scope = requestScope.of(principal);
  },
  /**
   * Runs `fn` with every unit in scope: background jobs and reads that are deliberately not
   * limited to a subtree (a public lookup by its code, a public filing). Timers and listeners
   * created inside keep this scope.
   */
  asSystem<T>(fn: () => T): T {
    return storage.run({ scope: SYSTEM_SCOPE, request: storage.getStore()?.request ?? false }, fn);
  },
  /** Whether the code running here serves a request, rather than a background job or listener. */
  inRequest(): boolean {
    return storage.getStore()?.request ?? false;
  },
  /** The scope in force here (null outside any run). */
  current(): DatabaseScope {
    return storage.getStore()?.scope ?? null;
  },
  /** A principal's database scope: a service sees every unit, a person its unit's subtree, the public nothing. */
  of(principal: Principal): DatabaseScope {
    if (principal.role === Role.SERVICE) return SYSTEM_SCOPE;
    if (!principal.unit) return null;
    return unitCode.subtreeRange(principal.unit);
  },
};
