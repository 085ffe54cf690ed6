import { Role, scope, type Principal } from '@sunlight/shared';
import type { ComplaintRow } from './complaint-row';

/**
 * Who may see a complaint: inspectors whose scope holds its handling unit, except anyone it is
 * about. A complaint against a unit's leadership is invisible to everyone of that unit; one
 * against a department is invisible to that department. Nobody else sees complaints at all.
 */
export const complaintVisibility = {
  isAccused(
    p: Principal,
    c: Pick<ComplaintRow, 'against_leadership' | 'accused_unit' | 'accused_department'>,
  ): boolean {
    if (c.against_leadership && p.unit === c.accused_unit) return true;
    return c.accused_department !== null && p.department === c.accused_department;
  },
  canSee(
    p: Principal,
    c: Pick<ComplaintRow, 'handler_unit' | 'against_leadership' | 'accused_unit' | 'accused_department'>,
  ): boolean {
    if (p.role === Role.SERVICE) return true;
    return p.role === Role.INSPECTOR && scope.canRead(p, c.handler_unit) && !complaintVisibility.isAccused(p, c);
  },
  /**
   * SQL condition (alias `c`) for the complaints `p` may count: handled in `root`'s subtree and
   * not about `p`. Parameters are appended to `params`.
   */
  sqlFilter(p: Principal, root: string, params: unknown[]): string {
    const add = (value: unknown) => `$${params.push(value)}`;
    return `${scope.subtreeCondition('c.handler_unit', root, add)}
      AND NOT (c.against_leadership AND c.accused_unit = ${add(p.unit ?? '')})
      AND (c.accused_department IS NULL OR c.accused_department::text <> ${add(p.department ?? '')})`;
  },
};
