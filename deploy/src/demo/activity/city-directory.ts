import type { DemoData, DemoPrincipalRequest } from '@sunlight/powers';
import { Role, type Logger } from '@sunlight/shared';
import type { Random } from '../../generate/random';
import type { ApiCaller } from './api-caller';
import { CATALOG_QUERY, readUnitCatalog, type ActivePower, type CatalogPage } from './catalog';

/**
 * The demo city as the simulator's people know it: the units and their accounts (from the demo
 * data, as `npm run -s token` knows them), and each unit's published catalog, read through the
 * API once by the unit's leader. A power is workable when its department has a clerk to file it
 * and every step but the last has a clerk of its department (the leader, who handled nothing,
 * decides the last).
 */
export class CityDirectory {
  private readonly catalogs = new Map<string, ActivePower[]>();

  constructor(
    readonly demo: DemoData,
    private readonly api: ApiCaller,
    private readonly logger: Logger,
  ) {}

  /** The units with a leader (every demo unit), the city itself first. */
  get units(): string[] {
    return this.demo.units.map((u) => u.code).filter((code) => this.leaderOf(code));
  }

  /** The city (the unit without a parent). */
  get city(): { code: string; name: string } {
    const city = this.demo.units.find((u) => u.parentCode === null);
    if (!city) throw new Error('the demo data has no city');
    return city;
  }

  leaderOf(unit: string): DemoPrincipalRequest | undefined {
    return this.demo.accounts.some((a) => a.role === Role.LEADER && a.unitCode === unit)
      ? { role: Role.LEADER, unit }
      : undefined;
  }

  /** The demo clerk of a department (by id) at its unit, or undefined when it has none. */
  clerkOf(unit: string, departmentId: string): DemoPrincipalRequest | undefined {
    const department = this.demo.departments.find((d) => d.id === departmentId && d.unitCode === unit);
    const clerk = this.demo.accounts.find(
      (a) => a.role === Role.CLERK && a.unitCode === unit && a.departmentId === departmentId,
    );
    return department && clerk ? { role: Role.CLERK, unit, department: department.code } : undefined;
  }

  /** A department of `unit` a complaint may name (not its supervisory body), or undefined. */
  departmentOf(unit: string, random: Random): string | undefined {
    const departments = this.demo.departments.filter((d) => d.unitCode === unit && !d.supervisory);
    return departments.length > 0 ? random.pick(departments).id : undefined;
  }

  /** A place name for texts: the unit's name without its 县/镇/村…. */
  placeOf(unit: string): string {
    return (this.demo.units.find((u) => u.code === unit)?.name ?? '').replace(/(市|县|区|镇|乡|街道|村|社区)$/, '');
  }

  /**
   * The workable powers of `unit`, read on first use; null when the simulator is stopping or the
   * catalog could not be read (logged by its codes, and read again next time).
   */
  async workablePowers(unit: string): Promise<ActivePower[] | null> {
    const known = this.catalogs.get(unit);
    if (known) return known;
    const leader = this.leaderOf(unit);
    if (!leader) return [];
    let stopped = false;
    const read = await readUnitCatalog(unit, async (variables) => {
      const page = await this.api.query<CatalogPage>(CATALOG_QUERY, variables, leader);
      if (!page) stopped = true;
      return page ?? { ok: false, errors: [{ code: 'STOPPED' }] };
    });
    if (stopped) return null;
    if (!read.ok) {
      this.logger.warn('demo activity: a catalog could not be read', { unit, codes: read.errors.map((e) => e.code) });
      return null;
    }
    const workable = read.data.filter((p) => this.isWorkable(p));
    this.catalogs.set(unit, workable);
    return workable;
  }

  private isWorkable(p: ActivePower): boolean {
    return (
      this.clerkOf(p.unitCode, p.department.id) !== undefined &&
      p.flow.slice(0, -1).every((s) => this.clerkOf(p.unitCode, s.departmentId) !== undefined)
    );
  }
}
