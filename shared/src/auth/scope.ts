import { platformError, PlatformErrorCode } from '../errors/platform-error';
import type { Principal } from './principal';
import { Role } from './role';
import { roleLabel } from './role-label';
import { unitCode } from './unit-code';

/** `甲或乙`, `甲、乙或丙`. */
function alternatives(names: readonly string[]): string {
  return names.length <= 2 ? names.join('或') : `${names.slice(0, -1).join('、')}或${names[names.length - 1]}`;
}

/**
 * Scope checks for a principal: which units it may read, and an SQL condition for its subtree.
 * Services see everything; the public sees no unit's internals (only what a domain publishes).
 */
export const scope = {
  /** May `principal` read internal data of the unit `code`? */
  canRead(principal: Principal, code: string): boolean {
    if (principal.role === Role.SERVICE) return true;
    if (!principal.unit) return false;
    return unitCode.contains(principal.unit, code);
  },
  /** Throws OUT_OF_SCOPE unless `principal` may read the unit `code`. */
  assertCanRead(principal: Principal, code: string, field = 'unit'): void {
    if (!scope.canRead(principal, code))
      throw platformError(PlatformErrorCode.OUT_OF_SCOPE, `单位 ${code} 不在您的管辖范围内`, field);
  },
  /**
   * Throws FORBIDDEN unless `principal` has one of `roles`. `action` is what was refused, in
   * Chinese as the person reads it (`办理办件`).
   */
  assertRole(principal: Principal, roles: readonly Role[], action: string): void {
    if (principal.role === Role.PUBLIC) throw platformError(PlatformErrorCode.UNAUTHENTICATED, `请先登录再${action}`);
    if (!roles.includes(principal.role))
      throw platformError(
        PlatformErrorCode.FORBIDDEN,
        `${roleLabel(principal.role)}无权${action}，须由${alternatives(roles.map(roleLabel))}办理`,
      );
  },
  /**
   * SQL condition limiting `column` (a 12-digit code) to the subtree of the unit `code`, as a
   * fixed-width range so the btree index is used. `param` adds a value to the statement's
   * parameters and returns its placeholder (`$n`).
   */
  subtreeCondition(column: string, code: string, param: (value: string) => string): string {
    const { low, high } = unitCode.subtreeRange(code);
    return `${column} BETWEEN ${param(low)} AND ${param(high)}`;
  },
};
