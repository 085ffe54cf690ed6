import type { IncomingMessage } from 'node:http';
import type { SpanContext } from '@opentelemetry/api';
import {
  platformError,
  PlatformErrorCode,
  PUBLIC_PRINCIPAL,
  type Principal,
  type TokenService,
} from '@sunlight/shared';
import type { AccountGate } from './auth/account-gate';

/** What the gateway knows about a request: the verified principal, its trace. */
export interface GatewayContext {
  principal: Principal;
  /** The request's trace id (the caller's `traceparent`'s, or a new one). */
  requestId: string;
  /** The request's own span in that trace; subgraph fetches name a child of it as their parent. */
  trace?: SpanContext;
  /**
   * How the response cache treats this request: by default a cached answer within the maximum age
   * may be served; `fresh` serves only an entry with no change since it was read (live screens);
   * `bypass` runs the operation (the cache's own fills).
   */
  cacheMode?: 'fresh' | 'bypass';
}

/**
 * Reads `Authorization: Bearer <token>`; no header means the public. A bad token is an error,
 * never the public, and so is the token of a disabled, deleted or revoked account (`accounts`).
 * The client's socket address is attached for per-client rate limits (behind
 * a proxy it is the proxy's: put the gateway where it sees clients, or extend this deliberately).
 */
export async function principalFromRequest(
  req: IncomingMessage,
  tokens: TokenService,
  accounts?: AccountGate,
): Promise<Principal> {
  const client = req.socket.remoteAddress ?? 'unknown';
  const header = req.headers.authorization;
  if (!header) return { ...PUBLIC_PRINCIPAL, client };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw platformError(PlatformErrorCode.UNAUTHENTICATED, 'Authorization 请求头须为 “Bearer <令牌>” 格式');
  const verified = await tokens.verify(match[1]);
  await accounts?.admit(verified); // synchronous when the answer is cached
  return { ...verified.principal, client };
}
