import type { IncomingMessage } from 'node:http';
import { PUBLIC_PRINCIPAL, type Principal, type TokenService, type VerifiedToken } from '@sunlight/shared';
import type { AccountGate } from '../auth/account-gate';

/** How often an open socket's account is checked again (answers are cached 30 s: a refusal lands within 40 s). */
const ACCOUNT_RECHECK_MS = 10_000;

/** What the gateway keeps per socket. */
export interface ConnectionState {
  principal: Principal;
  /** Closes the socket when the token expires. */
  expiryTimer?: NodeJS.Timeout;
  /** Closes the socket when its account is disabled, deleted or its tokens revoked. */
  accountTimer?: NodeJS.Timeout;
  /** Ids of the connection's running subscriptions. */
  active: Set<string>;
}

/**
 * Checks a socket's `connection_init`: `connectionParams.authorization` (or `token`) must be a
 * valid token, with or without `Bearer `; none means the public. Returns the connection's state,
 * or null to refuse (graphql-ws then closes with 4403). The socket is closed with 4401 when the
 * token expires, and with 4403 when `accounts` stops admitting it (checked every 10 s).
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
  if (!raw) return { principal: PUBLIC_PRINCIPAL, active: new Set() };
  try {
    const verified = await tokens.verify(raw.replace(/^Bearer\s+/i, ''));
    await accounts?.admit(verified);
    return {
      principal: { ...verified.principal, client: request.socket.remoteAddress ?? 'unknown' },
      expiryTimer: setTimeout(() => close(4401, 'Token expired'), Math.max(0, verified.expiresAt - Date.now())).unref(),
      ...(accounts ? { accountTimer: recheck(accounts, verified, close) } : {}),
      active: new Set(),
    };
  } catch {
    return null;
  }
}

function recheck(accounts: AccountGate, verified: VerifiedToken, close: (code: number, reason: string) => void) {
  const timer: NodeJS.Timeout = setInterval(() => {
    Promise.resolve()
      .then(() => accounts.admit(verified))
      .catch(() => {
        clearInterval(timer);
        close(4403, 'Forbidden');
      });
  }, ACCOUNT_RECHECK_MS);
  timer.unref();
  return timer;
}
