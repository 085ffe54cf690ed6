import type { IncomingMessage } from 'node:http';
import { PUBLIC_PRINCIPAL, type Principal, type TokenService } from '@sunlight/shared';

/** What the gateway keeps per socket. */
export interface ConnectionState {
  principal: Principal;
  /** Closes the socket when the token expires. */
  expiryTimer?: NodeJS.Timeout;
  /** Ids of the connection's running subscriptions. */
  active: Set<string>;
}

/**
 * Checks a socket's `connection_init`: `connectionParams.authorization` (or `token`) must be a
 * valid token, with or without `Bearer `; none means the public. Returns the connection's state,
 * or null to refuse (graphql-ws then closes with 4403). The socket is closed with 4401 when the
 * token expires.
 */
export async function authenticateConnection(
  params: Record<string, unknown>,
  request: IncomingMessage,
  close: (code: number, reason: string) => void,
  tokens: TokenService,
): Promise<ConnectionState | null> {
  const raw =
    typeof params['authorization'] === 'string'
      ? params['authorization']
      : typeof params['token'] === 'string'
        ? params['token']
        : undefined;
  if (!raw) return { principal: PUBLIC_PRINCIPAL, active: new Set() };
  try {
    const { principal, expiresAt } = await tokens.verify(raw.replace(/^Bearer\s+/i, ''));
    return {
      principal: { ...principal, client: request.socket.remoteAddress ?? 'unknown' },
      expiryTimer: setTimeout(() => close(4401, 'Token expired'), Math.max(0, expiresAt - Date.now())),
      active: new Set(),
    };
  } catch {
    return null;
  }
}
