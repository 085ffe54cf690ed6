import { demoPrincipal, type DemoData, type DemoPrincipalRequest } from '@sunlight/powers';
import type { TokenService } from '@sunlight/shared';

const TTL_SECONDS = 3600;
/** A token this close to expiry is replaced before it is sent. */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Tokens of the demo accounts, made as `npm run -s token` makes them (the demo account of a role
 * at a unit, a clerk by department) and signed with the stack's key; one per account, renewed
 * before it expires.
 */
export class DemoTokens {
  private readonly held = new Map<string, { token: string; renewAt: number }>();

  constructor(
    private readonly demo: DemoData,
    private readonly tokens: TokenService,
    private readonly now: () => number = Date.now,
  ) {}

  async tokenFor(request: DemoPrincipalRequest): Promise<string> {
    const { principal } = demoPrincipal(this.demo, request);
    const held = this.held.get(principal.subject);
    if (held && held.renewAt > this.now()) return held.token;
    const token = await this.tokens.issue(principal, TTL_SECONDS);
    this.held.set(principal.subject, { token, renewAt: this.now() + TTL_SECONDS * 1000 - RENEW_BEFORE_MS });
    return token;
  }
}
