import { type Principal, Role } from '@sunlight/shared';
import type { DemoAccount, DemoData } from './demo-types';

/** What a developer asks `npm run -s token` for: a role at a unit, optionally a department and post. */
export interface DemoPrincipalRequest {
  role: Role;
  unit: string;
  /** a department code of the unit (e.g. `CZS`) or its name (财政所); CLERK only */
  department?: string;
  /** a post code of the clerk's department (e.g. `SH`) or its name (审核岗); CLERK only */
  post?: string;
}

/** A request that names no demo account; `message` says what was wrong and what exists. */
export class DemoPrincipalError extends Error {}

/**
 * The demo account a request names and the principal its token carries. Invariants: the
 * principal's unit, role and department are the account's; `post`, when given, is a post of
 * that department. Without `department` a CLERK is the unit's window clerk (`clerk.<unit>`).
 */
export function demoPrincipal(
  data: DemoData,
  request: DemoPrincipalRequest,
): { account: DemoAccount; principal: Principal } {
  const { role, unit } = request;
  const atUnit = data.accounts.filter((a) => a.unitCode === unit && a.role === role);
  if (atUnit.length === 0)
    throw new DemoPrincipalError(
      `no demo ${role} at unit ${unit}; demo units are 139900000000 (city), 139901000000 (a county), 139901001000 (a township), 139901001001 (a village)`,
    );
  if ((request.department !== undefined || request.post !== undefined) && role !== Role.CLERK)
    throw new DemoPrincipalError(
      `--department and --post are for CLERK tokens; the demo ${role} of a unit is one account, with no department or post to choose`,
    );
  const departments = data.departments.filter((d) => d.unitCode === unit && !d.supervisory);
  let account = atUnit[0]!;
  if (request.department !== undefined) {
    const wanted = request.department.trim();
    const department = departments.find((d) => d.code === wanted.toUpperCase() || d.name === wanted);
    const found = department && atUnit.find((a) => a.departmentId === department.id);
    if (!found)
      throw new DemoPrincipalError(
        `unit ${unit} has no department "${wanted}" with a demo clerk; its departments are ${departments.map((d) => `${d.code} (${d.name})`).join(', ')}`,
      );
    account = found;
  }
  const principal: Principal = {
    subject: account.subject,
    role: account.role,
    unit: account.unitCode,
    ...(account.departmentId ? { department: account.departmentId } : {}),
    name: account.name,
  };
  if (request.post !== undefined) {
    const wanted = request.post.trim();
    const posts = data.posts.filter((p) => p.departmentId === account.departmentId);
    const post = posts.find((p) => p.code === wanted.toUpperCase() || p.name === wanted);
    if (!post) {
      const department = departments.find((d) => d.id === account.departmentId);
      throw new DemoPrincipalError(
        `${department?.name ?? 'the department'} of unit ${unit} has no post "${wanted}"; its posts are ${posts.map((p) => `${p.code} (${p.name})`).join(', ')}`,
      );
    }
    principal.post = post.id;
  }
  return { account, principal };
}
