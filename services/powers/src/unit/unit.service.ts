import { platformError, PlatformErrorCode, Role, scope, unitCode, type Principal } from '@sunlight/shared';
import type { Department } from './department.entity';
import type { Post } from './post.entity';
import type { Unit } from './unit.entity';
import type { UnitLoaders } from './unit.loader';

/**
 * Reads of the unit tree. The public sees the tree and departments (they are public record);
 * staff see their own subtree only; posts are for staff in scope, and for the public only as
 * the posts of a published power (`postOfPower`).
 */
export class UnitService {
  constructor(private readonly loaders: UnitLoaders) {}

  canSeeUnit(principal: Principal, code: string): boolean {
    return principal.role === Role.PUBLIC || scope.canRead(principal, code);
  }

  /** A unit by code; OUT_OF_SCOPE outside the caller's subtree, UNIT_NOT_FOUND when unknown. */
  async get(principal: Principal, code: string): Promise<Unit> {
    if (!unitCode.isValid(code))
      throw platformError(PlatformErrorCode.VALIDATION_FAILED, 'code 须为 12 位行政区划代码', 'code');
    if (!this.canSeeUnit(principal, code))
      throw platformError(PlatformErrorCode.OUT_OF_SCOPE, `单位 ${code} 不在您的管辖范围内`, 'code');
    const unit = await this.loaders.unit.load(code);
    if (!unit) throw platformError(PlatformErrorCode.VALIDATION_FAILED, `没有代码为 ${code} 的单位`, 'code');
    return unit;
  }

  /** A unit for a reference or relation: null when unknown or not visible. */
  async find(principal: Principal, code: string | null): Promise<Unit | null> {
    if (!code || !this.canSeeUnit(principal, code)) return null;
    return this.loaders.unit.load(code);
  }

  /** The caller's own unit, or the top of the tree for the public. */
  async roots(principal: Principal): Promise<Unit[]> {
    if (principal.unit) return [await this.get(principal, principal.unit)];
    return this.loaders.roots();
  }

  async children(principal: Principal, unit: Unit): Promise<Unit[]> {
    if (!this.canSeeUnit(principal, unit.code)) return [];
    return this.loaders.children.load(unit.code);
  }

  async departments(principal: Principal, unit: Unit): Promise<Department[]> {
    if (!this.canSeeUnit(principal, unit.code)) return [];
    return this.loaders.departmentsOfUnit.load(unit.code);
  }

  async department(principal: Principal, id: string | null): Promise<Department | null> {
    if (!id) return null;
    const d = await this.loaders.department.load(id);
    return d && this.canSeeUnit(principal, d.unitCode) ? d : null;
  }

  async posts(principal: Principal, department: Department): Promise<Post[]> {
    if (principal.role === Role.PUBLIC || !scope.canRead(principal, department.unitCode)) return [];
    return this.loaders.postsOfDepartment.load(department.id);
  }

  /**
   * A post a power or one of its flow steps names: public with the power (posts are positions,
   * not people), so anyone who could see that power may see it; staff as `post`. Callers reach
   * the id only through a power the principal may see.
   */
  async postOfPower(principal: Principal, id: string | null): Promise<Post | null> {
    if (!id) return null;
    if (principal.role !== Role.PUBLIC) return this.post(principal, id);
    return this.loaders.post.load(id);
  }

  async post(principal: Principal, id: string | null): Promise<Post | null> {
    if (!id || principal.role === Role.PUBLIC) return null;
    const p = await this.loaders.post.load(id);
    if (!p) return null;
    const d = await this.loaders.department.load(p.departmentId);
    return d && scope.canRead(principal, d.unitCode) ? p : null;
  }
}
