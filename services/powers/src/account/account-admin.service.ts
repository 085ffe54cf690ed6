import { checkPageSize, cursor, Role, scope, unitCode, type Principal } from '@sunlight/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { passwordHash } from '../sign-in/password-hash';
import { refreshTokens } from '../sign-in/refresh-tokens';
import { signInError, SignInErrorCode } from '../sign-in/sign-in.errors';
import { checkPassword, checkPlacement, writeAccount } from './account-writer';
import type { CreateAccountInput, StaffAccount, StaffAccountConnection } from './staff-account.type';

interface Row {
  subject: string;
  name: string;
  role: string;
  unit_code: string;
  department_id: string | null;
  post_id: string | null;
  status: string;
}

const COLUMNS = 'subject, name, role, unit_code, department_id, post_id, status';

const toAccount = (r: Row): StaffAccount => ({
  subject: r.subject,
  name: r.name,
  role: r.role,
  unitCode: r.unit_code,
  departmentId: r.department_id,
  postId: r.post_id,
  status: r.status,
});

/**
 * Account management by an ADMIN, within its own subtree only: an account of another unit's
 * subtree (a neighbouring county, the city above) is answered as not found. Disabling and
 * resetting a password revoke the account's sessions and tokens at once.
 */
export class AccountAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(p: Principal, unit: string, first: number, after: string | null): Promise<StaffAccountConnection> {
    scope.assertRole(p, [Role.ADMIN], '管理账号');
    scope.assertCanRead(p, unit);
    const size = checkPageSize(first);
    const params: unknown[] = [];
    const param = (v: unknown): string => `$${params.push(v)}`;
    let where = scope.subtreeCondition('unit_code', unit, param);
    if (after !== null && after !== undefined) where += ` AND subject > ${param(String(cursor.decode(after, 1)[0]))}`;
    const rows: Row[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM account WHERE ${where} ORDER BY subject LIMIT ${param(size + 1)}`,
      params,
    );
    const page = rows.slice(0, size);
    return {
      edges: page.map((r) => ({ node: toAccount(r), cursor: cursor.encode([r.subject]) })),
      pageInfo: {
        hasNextPage: rows.length > size,
        endCursor: page.length ? cursor.encode([page[page.length - 1]!.subject]) : null,
      },
    };
  }

  async create(p: Principal, input: CreateAccountInput): Promise<StaffAccount> {
    scope.assertRole(p, [Role.ADMIN], '创建账号');
    if (unitCode.isValid(input.unitCode)) scope.assertCanRead(p, input.unitCode, 'unitCode');
    await this.ds.transaction((em) => writeAccount(em, { ...input, password: input.initialPassword }));
    return this.get(p, input.subject);
  }

  async setEnabled(p: Principal, subject: string, enabled: boolean): Promise<StaffAccount> {
    scope.assertRole(p, [Role.ADMIN], enabled ? '启用账号' : '停用账号');
    await this.ds.transaction(async (em) => {
      await this.target(em, p, subject);
      const now = this.now();
      if (enabled)
        await em.query(
          `UPDATE account SET status = 'ACTIVE', disabled_at = NULL, tokens_valid_after = $2
            WHERE subject = $1 AND status = 'DISABLED'`,
          [subject, now],
        );
      else {
        await em.query(
          `UPDATE account SET status = 'DISABLED', disabled_at = $2 WHERE subject = $1 AND status = 'ACTIVE'`,
          [subject, now],
        );
        await refreshTokens.revokeSubject(em, subject, now);
      }
    });
    return this.get(p, subject);
  }

  async resetPassword(p: Principal, subject: string, password: string): Promise<StaffAccount> {
    scope.assertRole(p, [Role.ADMIN], '重置密码');
    checkPassword(password);
    const hash = await passwordHash.hash(password);
    await this.ds.transaction(async (em) => {
      await this.target(em, p, subject);
      const now = this.now();
      await em.query(
        `INSERT INTO account_credential (subject, password_hash, changed_at, must_change) VALUES ($1, $2, $3, true)
         ON CONFLICT (subject) DO UPDATE
           SET password_hash = excluded.password_hash, changed_at = excluded.changed_at, must_change = true`,
        [subject, hash, now],
      );
      await em.query('UPDATE account SET tokens_valid_after = $2 WHERE subject = $1', [subject, now]);
      await em.query('DELETE FROM sign_in_failure WHERE key = $1', [`account:${subject}`]);
      await refreshTokens.revokeSubject(em, subject, now);
    });
    return this.get(p, subject);
  }

  async assign(
    p: Principal,
    subject: string,
    departmentId: string | null,
    postId: string | null,
  ): Promise<StaffAccount> {
    scope.assertRole(p, [Role.ADMIN], '调整部门和岗位');
    await this.ds.transaction(async (em) => {
      const row = await this.target(em, p, subject);
      await checkPlacement(em, row.unit_code, departmentId, postId);
      await em.query('UPDATE account SET department_id = $2, post_id = $3 WHERE subject = $1', [
        subject,
        departmentId,
        postId,
      ]);
    });
    return this.get(p, subject);
  }

  private async get(p: Principal, subject: string): Promise<StaffAccount> {
    return toAccount(await this.target(this.ds.manager, p, subject));
  }

  /** The account, locked, when it lies in the admin's subtree; otherwise ACCOUNT_NOT_FOUND (existence not revealed). */
  private async target(em: EntityManager, p: Principal, subject: string): Promise<Row> {
    const lock = em.queryRunner?.isTransactionActive ? ' FOR UPDATE' : '';
    const rows: Row[] = await em.query(`SELECT ${COLUMNS} FROM account WHERE subject = $1${lock}`, [subject]);
    const row = rows[0];
    if (!row || !scope.canRead(p, row.unit_code))
      throw signInError(SignInErrorCode.ACCOUNT_NOT_FOUND, { field: 'subject' });
    return row;
  }
}
