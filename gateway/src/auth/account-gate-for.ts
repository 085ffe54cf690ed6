import type { Logger, TokenService } from '@sunlight/shared';
import { AccountGate } from './account-gate';
import { powersAccountStates } from './account-state-source';

/** How the gateway checks tokens against accounts (README: "Security model"). */
export interface AccountCheckSettings {
  /** Refuse tokens of subjects that never had an account; defaults to on in production. */
  requireAccount?: boolean;
  /** How long an answer about an account is trusted (default 30 s). */
  freshMs?: number;
}

/** The gateway's account gate, asking the powers subgraph (the account registry). */
export function accountGateFor(o: {
  subgraphUrls: Record<string, string>;
  tokens: TokenService;
  production: boolean;
  logger: Logger;
  accountCheck?: AccountCheckSettings;
}): AccountGate {
  const powersUrl = o.subgraphUrls['powers'];
  if (!powersUrl) throw new Error('no URL for the powers subgraph: tokens cannot be checked against accounts');
  return new AccountGate(powersAccountStates(powersUrl, o.tokens), {
    requireAccount: o.accountCheck?.requireAccount ?? o.production,
    ...(o.accountCheck?.freshMs !== undefined ? { freshMs: o.accountCheck.freshMs } : {}),
    logger: o.logger,
  });
}
