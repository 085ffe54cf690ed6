import { platformError, PlatformErrorCode, Role, type Principal } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { AccountStanding, type AccountState } from './account-state.type';

/** At most this many subjects per question (the gateway batches its cache misses). */
export const MAX_ACCOUNT_STATE_SUBJECTS = 500;

/**
 * Account standing for token checks, and the changes that revoke tokens. Disabling an account,
 * deleting it, or moving `tokens_valid_after` forward makes the gateway refuse its tokens once its
 * cached answer for that subject ages out (at most 30 s).
 */
export class AccountStateService {
  constructor(private readonly ds: DataSource) {}

  /** The standing of each subject, in the order asked; for Sunlight services only. */
  async states(principal: Principal, subjects: readonly string[]): Promise<AccountState[]> {
    if (principal.role !== Role.SERVICE) throw platformError(PlatformErrorCode.FORBIDDEN, '仅供平台内部服务调用');
    if (subjects.length > MAX_ACCOUNT_STATE_SUBJECTS)
      throw platformError(
        PlatformErrorCode.VALIDATION_FAILED,
        `一次最多查询 ${MAX_ACCOUNT_STATE_SUBJECTS} 个账号`,
        'subjects',
      );
    const rows: { subject: string; status: string | null; tokens_valid_after: Date | null; deleted: boolean }[] =
      await this.ds.query(
        `SELECT s.subject, a.status, a.tokens_valid_after, t.subject IS NOT NULL AS deleted
           FROM unnest($1::text[]) AS s (subject)
           LEFT JOIN account a ON a.subject = s.subject
           LEFT JOIN account_tombstone t ON t.subject = s.subject`,
        [subjects],
      );
    const bySubject = new Map(rows.map((r) => [r.subject, r]));
    return subjects.map((subject) => {
      const row = bySubject.get(subject);
      const standing =
        row?.status === 'ACTIVE'
          ? AccountStanding.ACTIVE
          : row?.status === 'DISABLED'
            ? AccountStanding.DISABLED
            : row?.deleted
              ? AccountStanding.DELETED
              : AccountStanding.UNKNOWN;
      return { subject, standing, tokensValidAfter: row?.tokens_valid_after ?? null };
    });
  }

  /** Disables an account (its tokens are refused); false when there is no such account. */
  async disable(subject: string, at: Date): Promise<boolean> {
    const [, count]: [unknown, number] = await this.ds.query(
      `UPDATE account SET status = 'DISABLED', disabled_at = $2 WHERE subject = $1 AND status <> 'DISABLED'`,
      [subject, at],
    );
    return count > 0;
  }

  /** Enables an account again; tokens issued before now stay refused. False when there is no such account. */
  async enable(subject: string, at: Date): Promise<boolean> {
    const [, count]: [unknown, number] = await this.ds.query(
      `UPDATE account SET status = 'ACTIVE', disabled_at = NULL, tokens_valid_after = $2 WHERE subject = $1`,
      [subject, at],
    );
    return count > 0;
  }

  /** Revokes every token of the account issued before `at` (sign-out everywhere). */
  async revokeTokens(subject: string, at: Date): Promise<boolean> {
    const [, count]: [unknown, number] = await this.ds.query(
      'UPDATE account SET tokens_valid_after = greatest(tokens_valid_after, $2) WHERE subject = $1',
      [subject, at],
    );
    return count > 0;
  }
}
