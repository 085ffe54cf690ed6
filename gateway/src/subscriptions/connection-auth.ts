import type { IncomingMessage } from 'node:http';
import { PUBLIC_PRINCIPAL, type Principal, type TokenService, type VerifiedToken } from '@sunlight/shared';
import type { AccountGate } from '../auth/account-gate';

/** What the gateway keeps per socket. */
export interface ConnectionState {
  principal: Principal;
  /** The socket's verified token; none for the public. */
  token?: VerifiedToken;
  /** Closes the socket (graphql-ws's close: the client sees the code and reason). */
  close: (code: number, reason: string) => void;
  /** Ids of the connection's running subscriptions. */
  active: Set<string>;
}

/**
 * Checks a socket's `connection_init`: `connectionParams.authorization` (or `token`) must be a
 * valid token, with or without `Bearer `; none means the public. Returns the connection's state,
 * or null to refuse (graphql-ws then closes with 4403). A {@link ConnectionWatch} then closes it
 * when the token expires or the account stops being admitted.
 */
export async function authenticateConnection(
  params: Record<string, unknown>,
  request: IncomingMessage,
  close: (code: number, reason: string) => void,
  tokens: TokenService,
  accounts?: AccountGate,
): Promise<ConnectionState | null> {
  const raw =
    typeof params['authorization'] === 'string'
      ? params['authorization']
      : typeof params['token'] === 'string'
        ? params['token']
        : undefined;
  if (!raw) return { principal: PUBLIC_PRINCIPAL, close, active: new Set() };
  try {
    const verified = await tokens.verify(raw.replace(/^Bearer\s+/i, ''));
    await accounts?.admit(verified);
    return {
      principal: { ...verified.principal, client: request.socket.remoteAddress ?? 'unknown' },
      token: verified,
      close,
      active: new Set(),
    };
  } catch {
    return null;
  }
}

/** How often expiry is checked (a socket closes at most this long after its token expires). */
const TICK_MS = 1000;
/** Every this many ticks each socket's account is checked again (answers are cached 30 s: a refusal lands within 40 s). */
const RECHECK_TICKS = 10;

/**
 * The open, authenticated sockets, watched by one timer for all of them: each is closed with 4401
 * once its token expires and with 4403 once its account is disabled, deleted or its tokens are
 * revoked. One sweep replaces the two timers each socket held (ten thousand sockets held twenty
 * thousand). It fails closed as the account gate does: once the gate has no answer younger than
 * its stale limit (60 s) and the registry does not answer (ACCOUNTS_UNAVAILABLE), the socket is
 * closed too, so a disabled account cannot keep a live feed through an outage of powers.
 */
export class ConnectionWatch implements Iterable<ConnectionState> {
  private readonly open = new Set<ConnectionState>();
  private readonly timer: NodeJS.Timeout;
  private ticks = 0;

  constructor(private readonly accounts?: AccountGate) {
    this.timer = setInterval(() => this.sweep(), TICK_MS).unref();
  }

  add(state: ConnectionState): void {
    this.open.add(state);
  }

  delete(state: ConnectionState): void {
    this.open.delete(state);
  }

  get size(): number {
    return this.open.size;
  }

  [Symbol.iterator](): Iterator<ConnectionState> {
    return this.open.values();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pass over every socket (exposed for tests). */
  sweep(now = Date.now()): void {
    const recheck = ++this.ticks % RECHECK_TICKS === 0;
    for (const state of this.open) {
      const token = state.token;
      if (!token) continue;
      if (token.expiresAt <= now) {
        this.end(state, 4401, 'Token expired');
        continue;
      }
      if (!recheck || !this.accounts) continue;
      try {
        this.accounts.admit(token)?.catch(() => this.refused(state));
      } catch {
        this.refused(state);
      }
    }
  }

  private refused(state: ConnectionState): void {
    if (this.open.has(state)) this.end(state, 4403, 'Forbidden');
  }

  private end(state: ConnectionState, code: number, reason: string): void {
    this.open.delete(state);
    state.close(code, reason);
  }
}
