import { LRUCache } from 'lru-cache';
import type { Logger, VerifiedToken } from '@sunlight/shared';
import { AccountGateErrorCode, accountGateError } from './account-gate.errors';
import type { AccountStateAnswer, AccountStateSource } from './account-state-source';

export interface AccountGateOptions {
  /** Refuse tokens whose subject never had an account (on in production; tests and demos mint synthetic subjects). */
  requireAccount: boolean;
  /** How long an answer about a subject is trusted without asking again (default 30 s). */
  freshMs?: number;
  /** How old an answer may be and still be used while the registry does not answer (default 60 s); past it, refuse. */
  staleLimitMs?: number;
  /** Subjects remembered at most (least recently used forgotten first; default 100,000). */
  maxSubjects?: number;
  /** Subjects per question to the registry at most (default 200). */
  maxBatch?: number;
  now?: () => number;
  logger?: Logger;
}

interface Entry {
  answer: AccountStateAnswer;
  /** When the registry gave this answer (ms). */
  at: number;
  /** `tokensValidAfter` parsed once (ms), or undefined. */
  validAfter: number | undefined;
}

interface Waiter {
  resolve(entry: Entry): void;
  reject(error: unknown): void;
}

/**
 * Checks a verified token's subject against its account, so that disabling or deleting an account,
 * or revoking its tokens, takes effect within a minute instead of at the token's expiry.
 *
 * Invariants: an answer is used without asking again for at most `freshMs` (30 s), so a change is
 * seen within 30 s plus one question; when the registry fails, an answer at most `staleLimitMs`
 * (60 s) old is still used, and with none that recent the token is refused (fails closed). A hit
 * costs one map lookup and no promise. Concurrent misses are asked in one batch, once per subject.
 */
export class AccountGate {
  private readonly cache: LRUCache<string, Entry>;
  private readonly waiting = new Map<string, Waiter[]>();
  private scheduled = false;
  private readonly freshMs: number;
  private readonly staleLimitMs: number;
  private readonly maxBatch: number;
  private readonly now: () => number;

  constructor(
    private readonly source: AccountStateSource,
    private readonly options: AccountGateOptions,
  ) {
    this.cache = new LRUCache({ max: options.maxSubjects ?? 100_000 });
    this.freshMs = options.freshMs ?? 30_000;
    this.staleLimitMs = Math.max(options.staleLimitMs ?? 60_000, this.freshMs);
    this.maxBatch = options.maxBatch ?? 200;
    this.now = options.now ?? Date.now;
  }

  /**
   * Returns undefined when the cached answer admits the token, a promise when the registry must be
   * asked; throws (or rejects with) ACCOUNT_DISABLED, TOKEN_REVOKED, ACCOUNT_UNKNOWN or
   * ACCOUNTS_UNAVAILABLE.
   */
  admit(token: VerifiedToken): Promise<void> | undefined {
    const subject = token.principal.subject;
    const entry = this.cache.get(subject);
    if (entry && this.now() - entry.at < this.freshMs) {
      this.judge(entry, token);
      return undefined;
    }
    return this.ask(subject).then((fresh) => this.judge(fresh, token));
  }

  /** Forgets what is known of a subject (the next token of it asks the registry). */
  forget(subject: string): void {
    this.cache.delete(subject);
  }

  private judge(entry: Entry, token: VerifiedToken): void {
    switch (entry.answer.standing) {
      case 'ACTIVE':
        if (entry.validAfter !== undefined && token.issuedAt < entry.validAfter)
          throw accountGateError(AccountGateErrorCode.TOKEN_REVOKED);
        return;
      case 'DISABLED':
      case 'DELETED':
        throw accountGateError(AccountGateErrorCode.ACCOUNT_DISABLED);
      case 'UNKNOWN':
        if (this.options.requireAccount) throw accountGateError(AccountGateErrorCode.ACCOUNT_UNKNOWN);
        return;
    }
  }

  private ask(subject: string): Promise<Entry> {
    return new Promise<Entry>((resolve, reject) => {
      const waiters = this.waiting.get(subject);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(subject, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const all = [...this.waiting.entries()];
    this.waiting.clear();
    for (let i = 0; i < all.length; i += this.maxBatch) void this.askBatch(all.slice(i, i + this.maxBatch));
  }

  private async askBatch(batch: [string, Waiter[]][]): Promise<void> {
    const subjects = batch.map(([subject]) => subject);
    let answers: AccountStateAnswer[] | undefined;
    let failure: unknown;
    try {
      answers = await this.source(subjects);
      if (answers.length !== subjects.length)
        throw new Error('account registry answered a different number of subjects');
    } catch (e) {
      failure = e;
    }
    const at = this.now();
    if (failure !== undefined)
      this.options.logger?.warn('account registry did not answer', {
        subjects: subjects.length,
        error: failure instanceof Error ? failure.message : String(failure),
      });
    batch.forEach(([subject, waiters], i) => {
      const answer = answers?.[i];
      if (answer && answer.subject === subject) {
        const parsed = answer.tokensValidAfter === null ? undefined : Date.parse(answer.tokensValidAfter);
        const entry: Entry = { answer, at, validAfter: parsed };
        this.cache.set(subject, entry);
        for (const w of waiters) w.resolve(entry);
        return;
      }
      const stale = this.cache.get(subject);
      if (stale && at - stale.at < this.staleLimitMs) for (const w of waiters) w.resolve(stale);
      else for (const w of waiters) w.reject(accountGateError(AccountGateErrorCode.ACCOUNTS_UNAVAILABLE));
    });
  }
}
