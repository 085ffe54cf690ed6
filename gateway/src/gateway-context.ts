import type { IncomingMessage } from 'node:http';
import { platformError, PlatformErrorCode, PUBLIC_PRINCIPAL, type Principal, type TokenService } from '@sunlight/shared';

/** What the gateway knows about a request: the verified principal. */
export interface GatewayContext {
  principal: Principal;
  requestId: string;
}

/** Reads `Authorization: Bearer <token>`; no header means the public. A bad token is an error, never the public. */
export async function principalFromRequest(req: IncomingMessage, tokens: TokenService): Promise<Principal> {
  const header = req.headers.authorization;
  if (!header) return PUBLIC_PRINCIPAL;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw platformError(PlatformErrorCode.UNAUTHENTICATED, 'Authorization header must be "Bearer <token>"');
  return (await tokens.verify(match[1])).principal;
}
