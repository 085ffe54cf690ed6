import { Role, scope, type Principal } from '@sunlight/shared';
import type { CaseRow } from './case-row';

/**
 * May `principal` read the applicant's personal data? The handlers (staff of the case's
 * department at its unit), their leaders and inspectors whose scope holds the case.
 */
export function canSeePersonalData(
  principal: Principal,
  c: Pick<CaseRow, 'unitCode' | 'departmentId' | 'snapshot'>,
): boolean {
  if (!scope.canRead(principal, c.unitCode) || principal.role === Role.SERVICE) return false;
  switch (principal.role) {
    case Role.LEADER:
    case Role.INSPECTOR:
      return true;
    case Role.CLERK:
      return (
        principal.unit === c.unitCode &&
        !!principal.department &&
        c.snapshot.flow.some((s) => s.departmentId === principal.department)
      );
    default:
      return false;
  }
}

/** Masks personal data for everyone else: 张*, 1301**********1234, 138****5678. */
export const mask = {
  name: (v: string) => (v.length <= 1 ? '*' : `${v.slice(0, 1)}${'*'.repeat(Math.min(v.length - 1, 3))}`),
  idNumber: (v: string) =>
    v.length <= 8 ? '*'.repeat(v.length) : `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`,
  phone: (v: string) =>
    v.length <= 7 ? '*'.repeat(v.length) : `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`,
};
