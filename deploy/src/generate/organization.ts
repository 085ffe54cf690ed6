import type { DemoData } from '@sunlight/powers';
import { Role, Tier } from '@sunlight/shared';
import type { CityUnit } from './city-units';
import { NameBook } from './person-names';
import { Random } from './random';
import { stableId } from './stable-id';

export interface OrgDepartment {
  id: string;
  unitCode: string;
  code: string;
  name: string;
  supervisory: boolean;
}

export interface OrgPost {
  id: string;
  departmentId: string;
  code: string;
  name: string;
}

/** A person able to sign in: subject `${role}.${unitCode}` in lower case, as in the demo data. */
export interface OrgAccount {
  subject: string;
  name: string;
  role: Role;
  unitCode: string;
  departmentId: string | null;
}

interface DepartmentTemplate {
  code: string;
  name: string;
  supervisory: boolean;
  posts: { code: string; name: string }[];
}

type DemoUnit = DemoData['units'][number];

const ROLES = [Role.CLERK, Role.LEADER, Role.INSPECTOR, Role.ADMIN] as const;

/** The name ending that decides a unit's departments (县 or 区 bureaus, 乡/镇/街道 watchdogs, 村 or 社区 committees). */
function kindOf(u: { tier: Tier; name: string }): string {
  switch (u.tier) {
    case Tier.CITY:
      return 'CITY';
    case Tier.COUNTY:
      return u.name.endsWith('区') ? 'COUNTY:区' : 'COUNTY:县';
    case Tier.TOWNSHIP:
      return u.name.endsWith('街道') ? 'TOWNSHIP:街道' : u.name.endsWith('乡') ? 'TOWNSHIP:乡' : 'TOWNSHIP:镇';
    case Tier.VILLAGE:
      return u.name.endsWith('社区') ? 'VILLAGE:社区' : 'VILLAGE:村';
  }
}

/** The demo data's departments and posts per kind of unit: the generated units get the same ones. */
function templatesFrom(demo: DemoData): Map<string, DepartmentTemplate[]> {
  const byKind = new Map<string, DemoUnit>();
  for (const u of demo.units) if (!byKind.has(kindOf(u))) byKind.set(kindOf(u), u);
  const out = new Map<string, DepartmentTemplate[]>();
  for (const [kind, unit] of byKind) {
    out.set(
      kind,
      demo.departments
        .filter((d) => d.unitCode === unit.code)
        .map((d) => ({
          code: d.code,
          name: d.name,
          supervisory: d.supervisory,
          posts: demo.posts.filter((p) => p.departmentId === d.id).map((p) => ({ code: p.code, name: p.name })),
        })),
    );
  }
  return out;
}

/**
 * Departments, posts and accounts of every generated unit, shaped like the demo data's: the
 * service window first, the supervisory body, one CLERK, LEADER, INSPECTOR and ADMIN per unit.
 */
export class Organization {
  readonly departments: OrgDepartment[] = [];
  readonly posts: OrgPost[] = [];
  readonly accounts: OrgAccount[] = [];
  private readonly byUnit = new Map<string, OrgDepartment[]>();
  private readonly postsByDepartment = new Map<string, OrgPost[]>();

  constructor(units: readonly CityUnit[], demo: DemoData, random: Random) {
    const templates = templatesFrom(demo);
    const names = new NameBook(random);
    for (const unit of units) {
      const specs = templates.get(kindOf(unit));
      if (!specs) throw new Error(`the demo data has no unit like ${unit.name} to copy departments from`);
      const departments = specs.map((s): OrgDepartment => ({
        id: stableId('department', unit.code, s.code),
        unitCode: unit.code,
        code: s.code,
        name: s.name,
        supervisory: s.supervisory,
      }));
      departments.forEach((d, i) => {
        const posts = specs[i]!.posts.map((p): OrgPost => ({
          id: stableId('post', unit.code, d.code, p.code),
          departmentId: d.id,
          code: p.code,
          name: p.name,
        }));
        this.posts.push(...posts);
        this.postsByDepartment.set(d.id, posts);
      });
      this.departments.push(...departments);
      this.byUnit.set(unit.code, departments);
      for (const role of ROLES) {
        const departmentId =
          role === Role.CLERK
            ? this.serviceDepartment(unit.code).id
            : role === Role.INSPECTOR
              ? this.supervisoryDepartment(unit.code).id
              : null;
        this.accounts.push({
          subject: `${role.toLowerCase()}.${unit.code}`,
          name: names.next(),
          role,
          unitCode: unit.code,
          departmentId,
        });
      }
    }
  }

  /**
   * The demo city's own departments, posts and accounts, ids and all, as the powers service seeds
   * them (the demo history is written over that catalog, not a generated one).
   */
  static ofDemo(demo: DemoData): Organization {
    const org = new Organization([], demo, Random.fork(0, 'no-units'));
    org.departments.push(...demo.departments);
    org.posts.push(...demo.posts);
    org.accounts.push(...demo.accounts);
    for (const d of demo.departments) org.byUnit.set(d.unitCode, [...(org.byUnit.get(d.unitCode) ?? []), d]);
    for (const p of demo.posts)
      org.postsByDepartment.set(p.departmentId, [...(org.postsByDepartment.get(p.departmentId) ?? []), p]);
    return org;
  }

  departmentsOf(unitCode: string): OrgDepartment[] {
    return this.byUnit.get(unitCode) ?? [];
  }

  /** The unit's service window (行政审批局, 便民服务中心, 村（居）民委员会): its first department. */
  serviceDepartment(unitCode: string): OrgDepartment {
    const d = this.byUnit.get(unitCode)?.[0];
    if (!d) throw new Error(`no departments for unit ${unitCode}`);
    return d;
  }

  supervisoryDepartment(unitCode: string): OrgDepartment {
    const d = this.byUnit.get(unitCode)?.find((x) => x.supervisory);
    if (!d) throw new Error(`no supervisory department for unit ${unitCode}`);
    return d;
  }

  department(unitCode: string, code: string): OrgDepartment | undefined {
    return this.byUnit.get(unitCode)?.find((d) => d.code === code);
  }

  postsOf(departmentId: string): OrgPost[] {
    return this.postsByDepartment.get(departmentId) ?? [];
  }
}
