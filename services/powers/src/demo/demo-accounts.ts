import { Role } from '@sunlight/shared';
import { DEMO_FIRST_COUNTIES, DemoNameBook } from './demo-names';
import type { DemoRandom } from './demo-random';
import type { DemoAccount, DemoData, DemoUnit } from './demo-types';
import type { DemoOrganization } from './demo-units';

const ACCOUNT_ROLES = [Role.CLERK, Role.LEADER, Role.INSPECTOR, Role.ADMIN] as const;

/**
 * One CLERK, LEADER, INSPECTOR and ADMIN per unit (in that order, so `findDemoAccount` finds the
 * window clerk `clerk.<unit>`), then one more CLERK, `clerk.<unit>.<department code>`, for every
 * other non-supervisory department, so each department's flow has a clerk to file and handle its
 * steps while the leader, who handled none of them, may decide (separation of duties). Names are
 * fictional; the four accounts per unit keep the subjects and names they had before the extra clerks,
 * and the units of the first {@link DEMO_FIRST_COUNTIES} counties keep theirs before the counties
 * added later (whose accounts draw their names after them).
 */
export function buildDemoAccounts(
  units: readonly DemoUnit[],
  org: DemoOrganization,
  random: DemoRandom,
): DemoAccount[] {
  const names = new DemoNameBook(random);
  const added = (u: DemoUnit) => u.parentCode !== null && Number(u.code.slice(4, 6)) > DEMO_FIRST_COUNTIES;
  return [
    ...accountsOf(
      units.filter((u) => !added(u)),
      org,
      names,
    ),
    ...accountsOf(units.filter(added), org, names),
  ];
}

function accountsOf(units: readonly DemoUnit[], org: DemoOrganization, names: DemoNameBook): DemoAccount[] {
  const primary = units.flatMap((unit) =>
    ACCOUNT_ROLES.map((role): DemoAccount => ({
      subject: `${role.toLowerCase()}.${unit.code}`,
      name: names.next(),
      role,
      unitCode: unit.code,
      departmentId: departmentOf(role, unit.code, org),
    })),
  );
  const departmentClerks = units.flatMap((unit) => {
    const window = org.serviceDepartment(unit.code);
    return org.departments
      .filter((d) => d.unitCode === unit.code && !d.supervisory && d.id !== window.id)
      .map((d): DemoAccount => ({
        subject: `clerk.${unit.code}.${d.code}`,
        name: names.next(),
        role: Role.CLERK,
        unitCode: unit.code,
        departmentId: d.id,
      }));
  });
  return [...primary, ...departmentClerks];
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

/** the seeded account of a role at a unit (for CLERK, the one at the service window), or undefined */
export function findDemoAccount(data: DemoData, role: Role, unitCode: string): DemoAccount | undefined {
  return data.accounts.find((a) => a.role === role && a.unitCode === unitCode);
}
