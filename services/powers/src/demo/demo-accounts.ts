import { Role } from '@sunlight/shared';
import { DemoNameBook } from './demo-names';
import type { DemoRandom } from './demo-random';
import type { DemoAccount, DemoData, DemoUnit } from './demo-types';
import type { DemoOrganization } from './demo-units';

const ACCOUNT_ROLES = [Role.CLERK, Role.LEADER, Role.INSPECTOR, Role.ADMIN] as const;

/** One CLERK, LEADER, INSPECTOR and ADMIN per unit, with fictional names. */
export function buildDemoAccounts(
  units: readonly DemoUnit[],
  org: DemoOrganization,
  random: DemoRandom,
): DemoAccount[] {
  const names = new DemoNameBook(random);
  return units.flatMap((unit) =>
    ACCOUNT_ROLES.map((role): DemoAccount => ({
      subject: `${role.toLowerCase()}.${unit.code}`,
      name: names.next(),
      role,
      unitCode: unit.code,
      departmentId: departmentOf(role, unit.code, org),
    })),
  );
}

function departmentOf(role: (typeof ACCOUNT_ROLES)[number], unitCode: string, org: DemoOrganization): string | null {
  switch (role) {
    case Role.CLERK:
      return org.serviceDepartment(unitCode).id;
    case Role.INSPECTOR:
      return org.supervisoryDepartment(unitCode).id;
    case Role.LEADER:
    case Role.ADMIN:
      return null;
  }
}

/** the seeded account of a role at a unit, or undefined */
export function findDemoAccount(data: DemoData, role: Role, unitCode: string): DemoAccount | undefined {
  return data.accounts.find((a) => a.role === role && a.unitCode === unitCode);
}
