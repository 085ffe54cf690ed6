import { PERSON_ROLES, platformError, PlatformErrorCode, unitCode } from '@sunlight/shared';
import type { EntityManager } from 'typeorm';
import { passwordHash } from '../sign-in/password-hash';
import { signInError, SignInErrorCode } from '../sign-in/sign-in.errors';

/** What a new account holds (an ADMIN's `createAccount`, or `npm run -s admin -- create`). */
export interface NewAccount {
  subject: string;
  name: string;
  role: string;
  unitCode: string;
  departmentId?: string | null;
  postId?: string | null;
  password: string;
}

/** Refuses a password shorter than 10 characters or without both letters and digits. */
export function checkPassword(password: string, field = 'password'): void {
  if (password.length < 10 || !/\p{L}/u.test(password) || !/\d/.test(password))
    throw signInError(SignInErrorCode.WEAK_PASSWORD, { field: field });
}

/** Checks that the department is the unit's and the post the department's. */
export async function checkPlacement(
  em: EntityManager,
  unit: string,
  departmentId: string | null,
  postId: string | null,
): Promise<void> {
  if (postId && !departmentId)
    throw platformError(PlatformErrorCode.VALIDATION_FAILED, '指定岗位须同时指定部门', 'postId');
  if (departmentId) {
    const rows: unknown[] = await em.query('SELECT 1 FROM department WHERE id::text = $1 AND unit_code = $2', [
      departmentId,
      unit,
    ]);
    if (rows.length === 0)
      throw platformError(PlatformErrorCode.VALIDATION_FAILED, `部门不属于单位 ${unit}`, 'departmentId');
  }
  if (postId) {
    const rows: unknown[] = await em.query('SELECT 1 FROM post WHERE id::text = $1 AND department_id::text = $2', [
      postId,
      departmentId,
    ]);
    if (rows.length === 0) throw platformError(PlatformErrorCode.VALIDATION_FAILED, '岗位不属于该部门', 'postId');
  }
}

/** Validates and writes an account with its password (scrypt) in `em`'s transaction. */
export async function writeAccount(em: EntityManager, a: NewAccount): Promise<void> {
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(a.subject))
    throw platformError(
      PlatformErrorCode.VALIDATION_FAILED,
      '登录名须为 3-64 位字母、数字、点、横线或下划线',
      'subject',
    );
  if (!a.name.trim()) throw platformError(PlatformErrorCode.VALIDATION_FAILED, '姓名不能为空', 'name');
  if (!(PERSON_ROLES as readonly string[]).includes(a.role))
    throw platformError(
      PlatformErrorCode.VALIDATION_FAILED,
      '角色须为 CLERK、LEADER、INSPECTOR、ADMIN 或 SCREEN',
      'role',
    );
  if (!unitCode.isValid(a.unitCode))
    throw platformError(PlatformErrorCode.VALIDATION_FAILED, '单位代码须为 12 位区划代码', 'unitCode');
  const units: unknown[] = await em.query('SELECT 1 FROM unit WHERE code = $1', [a.unitCode]);
  if (units.length === 0)
    throw platformError(PlatformErrorCode.VALIDATION_FAILED, `单位 ${a.unitCode} 不存在`, 'unitCode');
  checkPassword(a.password, 'initialPassword');
  await checkPlacement(em, a.unitCode, a.departmentId ?? null, a.postId ?? null);
  const inserted: unknown[] = await em.query(
    `INSERT INTO account (subject, name, role, unit_code, department_id, post_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (subject) DO NOTHING RETURNING subject`,
    [a.subject, a.name.trim(), a.role, a.unitCode, a.departmentId ?? null, a.postId ?? null],
  );
  if (inserted.length === 0) throw signInError(SignInErrorCode.SUBJECT_TAKEN, { field: 'subject' });
  await em.query('INSERT INTO account_credential (subject, password_hash, must_change) VALUES ($1, $2, true)', [
    a.subject,
    await passwordHash.hash(a.password),
  ]);
}
