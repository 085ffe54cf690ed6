import { setTimeout as sleep } from 'node:timers/promises';
import { PERSON_ROLES, platformError, PlatformErrorCode, Role, type Principal } from '@sunlight/shared';
import { checkPassword } from '../account/account-writer';
import { passwordHash } from './password-hash';
import type { DataSource, EntityManager } from 'typeorm';
import type { CredentialVerifier } from './credential-verifier';
import { DEFAULT_LOCKOUT, slowDownMs, type LockoutPolicy } from './lockout-policy';
import { refreshTokens } from './refresh-tokens';
import type { SignInGrant } from './sign-in-grant.type';
import { signInError, SignInErrorCode } from './sign-in.errors';

interface AccountRow {
  subject: string;
  name: string;
  role: string;
  unit_code: string;
  department_id: string | null;
  post_id: string | null;
  status: string;
  must_change: boolean | null;
}

/**
 * Signing in, refreshing and signing out, for the gateway only. Failures are counted per account
 * and per client address in `sign_in_failure`: from `slowAfter` failures an account's answers wait,
 * at `accountLockAfter` (or `clientLockAfter` from one address) it is locked for `lockMs`, even
 * for the right password. A refresh token is used once; using it again revokes its whole family.
 */
export class SignInService {
  constructor(
    private readonly ds: DataSource,
    private readonly verifier: CredentialVerifier,
    private readonly policy: LockoutPolicy = DEFAULT_LOCKOUT,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async signIn(caller: Principal, subject: string, password: string, client: string): Promise<SignInGrant> {
    onlyService(caller);
    const now = this.now();
    await this.verifyGuarded(subject, password, client, now);
    return this.ds.transaction(async (em) => {
      const account = await accountOf(em, subject);
      if (!account) throw signInError(SignInErrorCode.LOGIN_FAILED, { field: 'password' });
      if (account.status !== 'ACTIVE') throw signInError(SignInErrorCode.ACCOUNT_DISABLED);
      await em.query('DELETE FROM sign_in_failure WHERE key = $1', [accountKey(subject)]);
      return grant(account, await refreshTokens.issue(em, subject, refreshTokens.newFamily(), now));
    });
  }

  /**
   * A signed-in person changes its own password, proving the current one (failures count as for
   * signing in). Every session and token of the account is revoked: it signs in again.
   */
  async changeOwnPassword(caller: Principal, current: string, next: string): Promise<boolean> {
    if (!(PERSON_ROLES as readonly Role[]).includes(caller.role))
      throw platformError(PlatformErrorCode.UNAUTHENTICATED, '请先登录再修改密码');
    checkPassword(next, 'newPassword');
    const now = this.now();
    await this.verifyGuarded(caller.subject, current, caller.client ?? 'unknown', now, 'currentPassword');
    const hash = await passwordHash.hash(next);
    await this.ds.transaction(async (em) => {
      await em.query(
        'UPDATE account_credential SET password_hash = $2, changed_at = $3, must_change = false WHERE subject = $1',
        [caller.subject, hash, now],
      );
      await em.query('UPDATE account SET tokens_valid_after = $2 WHERE subject = $1', [caller.subject, now]);
      await refreshTokens.revokeSubject(em, caller.subject, now);
    });
    return true;
  }

  async refresh(caller: Principal, token: string): Promise<SignInGrant> {
    onlyService(caller);
    const now = this.now();
    // The family is revoked in a committed transaction before the refusal is thrown.
    const outcome = await this.ds.transaction(async (em) => {
      const row = await refreshTokens.find(em, token);
      if (!row || row.revoked_at || row.expires_at <= now) return SignInErrorCode.REFRESH_INVALID;
      if (row.used_at) {
        await refreshTokens.revokeFamily(em, row.family_id, now);
        return SignInErrorCode.REFRESH_REUSED;
      }
      const account = await accountOf(em, row.subject);
      if (!account || account.status !== 'ACTIVE') {
        await refreshTokens.revokeFamily(em, row.family_id, now);
        return SignInErrorCode.ACCOUNT_DISABLED;
      }
      await em.query('UPDATE refresh_token SET used_at = $2 WHERE id = $1', [row.id, now]);
      return grant(account, await refreshTokens.issue(em, row.subject, row.family_id, now));
    });
    if (typeof outcome === 'string') throw signInError(outcome);
    return outcome;
  }

  /** Revokes the family of a refresh token; true when the token was one of ours. */
  async signOut(caller: Principal, token: string): Promise<boolean> {
    onlyService(caller);
    return this.ds.transaction(async (em) => {
      const row = await refreshTokens.find(em, token);
      if (!row) return false;
      await refreshTokens.revokeFamily(em, row.family_id, this.now());
      return true;
    });
  }

  /** Refuses a locked account or client, checks the proof, counts a failure (and waits) when it is wrong. */
  private async verifyGuarded(
    subject: string,
    proof: string,
    client: string,
    now: Date,
    field = 'password',
  ): Promise<void> {
    const locks: { key: string }[] = await this.ds.query(
      'SELECT key FROM sign_in_failure WHERE key = ANY($1) AND locked_until > $2',
      [[accountKey(subject), clientKey(client)], now],
    );
    if (locks.some((l) => l.key === accountKey(subject))) throw signInError(SignInErrorCode.ACCOUNT_LOCKED);
    if (locks.length > 0) throw signInError(SignInErrorCode.CLIENT_LOCKED);
    if (await this.verifier.verify(subject, proof)) return;
    const failures = await this.ds.transaction(async (em) => {
      const n = await this.fail(em, accountKey(subject), this.policy.accountLockAfter, now);
      await this.fail(em, clientKey(client), this.policy.clientLockAfter, now);
      return n;
    });
    await sleep(slowDownMs(this.policy, failures));
    throw signInError(SignInErrorCode.LOGIN_FAILED, { field: field });
  }

  /** Counts a failure under `key` (failures older than the lock time are forgotten); returns the count. */
  private async fail(em: EntityManager, key: string, lockAfter: number, now: Date): Promise<number> {
    const forgetBefore = new Date(now.getTime() - this.policy.lockMs);
    const lockedUntil = new Date(now.getTime() + this.policy.lockMs);
    const [row]: { failures: number }[] = await em.query(
      `INSERT INTO sign_in_failure AS f (key, failures, last_failure_at, locked_until)
         VALUES ($1, 1, $2, CASE WHEN 1 >= $5 THEN $4::timestamptz END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN f.last_failure_at < $3 THEN 1 ELSE f.failures + 1 END,
         last_failure_at = $2,
         locked_until = CASE WHEN (CASE WHEN f.last_failure_at < $3 THEN 1 ELSE f.failures + 1 END) >= $5
                             THEN $4::timestamptz ELSE f.locked_until END
       RETURNING failures`,
      [key, now, forgetBefore, lockedUntil, lockAfter],
    );
    return row?.failures ?? 1;
  }
}

const accountKey = (subject: string): string => `account:${subject}`;
const clientKey = (client: string): string => `client:${client}`;

function onlyService(caller: Principal): void {
  if (caller.role !== Role.SERVICE) throw platformError(PlatformErrorCode.FORBIDDEN, '仅供平台内部服务调用');
}

async function accountOf(em: EntityManager, subject: string): Promise<AccountRow | undefined> {
  const rows: AccountRow[] = await em.query(
    `SELECT a.subject, a.name, a.role, a.unit_code, a.department_id, a.post_id, a.status, c.must_change
       FROM account a LEFT JOIN account_credential c USING (subject) WHERE a.subject = $1`,
    [subject],
  );
  return rows[0];
}

function grant(account: AccountRow, refresh: { token: string; expiresAt: Date }): SignInGrant {
  return {
    subject: account.subject,
    role: account.role,
    unit: account.unit_code,
    department: account.department_id,
    post: account.post_id,
    name: account.name,
    mustChangePassword: account.must_change === true,
    refreshToken: refresh.token,
    refreshExpiresAt: refresh.expiresAt,
  };
}
