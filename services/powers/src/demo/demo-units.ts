import { Tier } from '@sunlight/shared';
import { DEMO_CITY, type PlaceName } from './demo-names';
import { demoId } from './demo-random';
import type { DemoDepartment, DemoPost, DemoUnit } from './demo-types';

/** The city's 4-digit prefix; all demo codes start with it. */
export const DEMO_CITY_PREFIX = '1399';

/** Post codes used by every department kind; flows refer to posts by these codes. */
export type PostCode = 'SL' | 'SH' | 'SP' | 'ZF' | 'FZR' | 'JD';

const POST_NAMES: Record<PostCode, string> = {
  SL: '受理岗',
  SH: '审核岗',
  SP: '审批岗',
  ZF: '执法岗',
  FZR: '负责人',
  JD: '监督岗',
};

interface DepartmentSpec {
  code: string;
  name: string;
  supervisory: boolean;
  posts: PostCode[];
}

const DESK: PostCode[] = ['SL', 'SH', 'SP', 'FZR'];
const ENFORCER: PostCode[] = ['SL', 'SH', 'SP', 'ZF', 'FZR'];
const WATCHDOG: PostCode[] = ['JD', 'FZR'];

/** `prefix` is 市, 县 or 区. The first department is the unit's service window. */
function bureauSpecs(prefix: string): DepartmentSpec[] {
  return [
    { code: 'SPJ', name: `${prefix}行政审批局`, supervisory: false, posts: DESK },
    { code: 'SCJG', name: `${prefix}市场监督管理局`, supervisory: false, posts: ENFORCER },
    { code: 'ZRZY', name: `${prefix}自然资源和规划局`, supervisory: false, posts: ENFORCER },
    { code: 'ZJ', name: `${prefix}住房和城乡建设局`, supervisory: false, posts: ENFORCER },
    { code: 'MZ', name: `${prefix}民政局`, supervisory: false, posts: DESK },
    { code: 'CZ', name: `${prefix}财政局`, supervisory: false, posts: DESK },
    { code: 'JW', name: `${prefix}纪委监委`, supervisory: true, posts: WATCHDOG },
  ];
}

function townshipSpecs(townshipName: string): DepartmentSpec[] {
  const watchdog = townshipName.endsWith('街道') ? '街道纪工委' : townshipName.endsWith('乡') ? '乡纪委' : '镇纪委';
  return [
    { code: 'BMFW', name: '便民服务中心', supervisory: false, posts: DESK },
    { code: 'DZB', name: '党政综合办公室', supervisory: false, posts: ENFORCER },
    { code: 'NYFW', name: '农业综合服务中心', supervisory: false, posts: DESK },
    { code: 'CZS', name: '财政所', supervisory: false, posts: DESK },
    { code: 'JW', name: watchdog, supervisory: true, posts: WATCHDOG },
  ];
}

function villageSpecs(villageName: string): DepartmentSpec[] {
  const community = villageName.endsWith('社区');
  return [
    { code: 'CWH', name: community ? '居民委员会' : '村民委员会', supervisory: false, posts: ['SL', 'SH', 'FZR'] },
    { code: 'JWJD', name: community ? '居务监督委员会' : '村务监督委员会', supervisory: true, posts: WATCHDOG },
  ];
}

function departmentSpecs(unit: DemoUnit): DepartmentSpec[] {
  switch (unit.tier) {
    case Tier.CITY:
      return bureauSpecs('市');
    case Tier.COUNTY:
      return bureauSpecs(unit.name.endsWith('区') ? '区' : '县');
    case Tier.TOWNSHIP:
      return townshipSpecs(unit.name);
    case Tier.VILLAGE:
      return villageSpecs(unit.name);
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The 81 units, depth-first: city, then each county followed by its townships and villages. */
export function buildDemoUnits(): DemoUnit[] {
  const cityCode = DEMO_CITY_PREFIX.padEnd(12, '0');
  const units: DemoUnit[] = [{ code: cityCode, name: DEMO_CITY.name, tier: Tier.CITY, parentCode: null }];
  DEMO_CITY.children.forEach((county: PlaceName, i) => {
    const countyPrefix = DEMO_CITY_PREFIX + pad(i + 1, 2);
    const countyCode = countyPrefix.padEnd(12, '0');
    units.push({ code: countyCode, name: county.name, tier: Tier.COUNTY, parentCode: cityCode });
    county.children.forEach((township, j) => {
      const townshipPrefix = countyPrefix + pad(j + 1, 3);
      const townshipCode = townshipPrefix.padEnd(12, '0');
      units.push({ code: townshipCode, name: township.name, tier: Tier.TOWNSHIP, parentCode: countyCode });
      township.children.forEach((village, k) => {
        units.push({
          code: townshipPrefix + pad(k + 1, 3),
          name: village.name,
          tier: Tier.VILLAGE,
          parentCode: townshipCode,
        });
      });
    });
  });
  return units;
}

/** Departments and posts of all units, with the look-ups the power generator needs. */
export class DemoOrganization {
  readonly departments: DemoDepartment[] = [];
  readonly posts: DemoPost[] = [];
  private readonly byUnit = new Map<string, DemoDepartment[]>();
  private readonly postsByDepartment = new Map<string, Map<string, DemoPost>>();

  constructor(units: readonly DemoUnit[]) {
    for (const unit of units) {
      const departments: DemoDepartment[] = [];
      for (const spec of departmentSpecs(unit)) {
        const department: DemoDepartment = {
          id: demoId('department', unit.code, spec.code),
          unitCode: unit.code,
          code: spec.code,
          name: spec.name,
          supervisory: spec.supervisory,
        };
        const posts = new Map<string, DemoPost>();
        for (const code of spec.posts) {
          const post: DemoPost = {
            id: demoId('post', unit.code, spec.code, code),
            departmentId: department.id,
            code,
            name: POST_NAMES[code],
          };
          posts.set(code, post);
          this.posts.push(post);
        }
        departments.push(department);
        this.departments.push(department);
        this.postsByDepartment.set(department.id, posts);
      }
      this.byUnit.set(unit.code, departments);
    }
  }

  /** The unit's service window (行政审批局, 便民服务中心, 村（居）民委员会): its first department. */
  serviceDepartment(unitCode: string): DemoDepartment {
    const department = this.byUnit.get(unitCode)?.[0];
    if (!department) throw new Error(`no departments for unit ${unitCode}`);
    return department;
  }

  supervisoryDepartment(unitCode: string): DemoDepartment {
    const department = this.byUnit.get(unitCode)?.find((d) => d.supervisory);
    if (!department) throw new Error(`no supervisory department for unit ${unitCode}`);
    return department;
  }

  /** The department with `code` in the unit, falling back to the service window. */
  department(unitCode: string, code: string): DemoDepartment {
    return this.byUnit.get(unitCode)?.find((d) => d.code === code) ?? this.serviceDepartment(unitCode);
  }

  /** The first of `codes` that the department has as a post, or null. */
  post(departmentId: string, codes: readonly PostCode[]): DemoPost | null {
    const posts = this.postsByDepartment.get(departmentId);
    for (const code of codes) {
      const post = posts?.get(code);
      if (post) return post;
    }
    return null;
  }
}
