import { randomBytes } from 'node:crypto';
import type { DemoPrincipalRequest } from '@sunlight/powers';
import type { Logger } from '@sunlight/shared';
import type { ActionKind, ActivityTally } from './activity-tally';
import type { DemoTokens } from './demo-tokens';
import { GatewayUnavailable, type Answer, type GatewayClient } from './gateway-client';
import type { Pace } from './pace';

/** Waits `ms`, or less when `signal` aborts; never rejects. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Sends the simulator's requests as the demo person it names (or as the public), and keeps
 * sending one while the gateway does not answer, with backoff. Every mutation carries an
 * idempotency key drawn once per action, so a retried mutation writes at most once; a refused
 * action is counted and logged by its codes. Answers null once the simulator is stopping.
 */
export class ApiCaller {
  /** Unique to this run: keys of an earlier run (same data directory) are never reused. */
  private readonly run = randomBytes(6).toString('hex');
  private sequence = 0;
  private outage = false;

  constructor(
    private readonly client: GatewayClient,
    private readonly tokens: DemoTokens,
    private readonly pace: Pace,
    private readonly tally: ActivityTally,
    private readonly logger: Logger,
    private readonly signal: AbortSignal,
  ) {}

  /** One action: a mutation with a fresh idempotency key (`$key`), retried as is until answered. */
  async act<T>(
    kind: ActionKind,
    document: string,
    variables: Record<string, unknown>,
    who: DemoPrincipalRequest | null,
    about: Record<string, unknown> = {},
  ): Promise<Answer<T> | null> {
    const key = `sim-${this.run}-${++this.sequence}`;
    const answer = await this.send<T>(document, { ...variables, key }, who);
    if (!answer) return null;
    if (answer.ok) {
      this.tally.done(kind);
      this.logger.info('demo activity', { action: kind, ...about });
    } else {
      const codes = answer.errors.map((e) => e.code);
      this.tally.refused(kind, codes);
      this.logger.info('demo activity refused', { action: kind, codes, ...about });
    }
    return answer;
  }

  /** A query, retried as is until answered. */
  query<T>(document: string, variables: Record<string, unknown>, who: DemoPrincipalRequest | null) {
    return this.send<T>(document, variables, who);
  }

  private async send<T>(
    document: string,
    variables: Record<string, unknown>,
    who: DemoPrincipalRequest | null,
  ): Promise<Answer<T> | null> {
    while (!this.signal.aborted) {
      const token = who ? await this.tokens.tokenFor(who) : undefined;
      try {
        const answer = await this.client.request<T>(document, variables, token, this.signal);
        this.pace.answered();
        if (this.outage) this.logger.info('demo activity: the gateway answers again');
        this.outage = false;
        return answer;
      } catch (e) {
        if (this.signal.aborted) break;
        if (!(e instanceof GatewayUnavailable)) throw e;
        this.tally.unanswered();
        const wait = this.pace.nextRetry();
        if (!this.outage) this.logger.warn('demo activity: no answer, retrying', { reason: e.message, waitMs: wait });
        this.outage = true;
        await pause(wait, this.signal);
      }
    }
    return null;
  }
}
