import { randomUUID } from 'node:crypto';
import { AppError, ErrorKind, type Principal } from '@sunlight/shared';
import type { RatableCase, TargetNames, Upstream } from '../clients/upstream';

/**
 * The cases and powers services as evaluations sees them (`Upstream`), held in memory. A case is
 * found by its number and query code; `goDown()` makes every call fail as an unreachable
 * neighbour would, and `rateLimit()` makes the case lookup answer RATE_LIMITED as cases does.
 */
export class StubUpstream implements Upstream {
  private readonly cases = new Map<string, RatableCase>();
  private readonly departments = new Map<string, string>();
  private readonly posts = new Map<string, { departmentId: string; unitCode: string }>();
  private readonly missingUnits = new Set<string>();
  private readonly unitNames = new Map<string, string>();
  private readonly postNames = new Map<string, string>();
  private down = false;
  private limited = false;
  /** Who each case lookup was made for. */
  readonly lookups: Principal[] = [];

  /** Adds a case of `unitCode` with one step per entry of `done` (finished or not), each in its own department. */
  addCase(number: string, queryCode: string, unitCode: string, done: boolean[]): RatableCase {
    const c: RatableCase = {
      caseId: randomUUID(),
      unitCode,
      powerId: randomUUID(),
      steps: done.map((d, i) => ({
        stepNo: i + 1,
        name: `第${i + 1}步`,
        done: d,
        departmentId: randomUUID(),
        postId: i === 0 ? randomUUID() : null,
      })),
    };
    this.cases.set(`${number}|${queryCode}`, c);
    return c;
  }

  /** Marks step `stepNo` of the case finished (the case moved on). */
  finish(c: RatableCase, stepNo: number): void {
    const step = c.steps.find((s) => s.stepNo === stepNo);
    if (step) step.done = true;
  }

  addDepartment(departmentId: string, unitCode: string): void {
    this.departments.set(departmentId, unitCode);
  }

  addPost(postId: string, departmentId: string, unitCode: string, name?: string): void {
    this.posts.set(postId, { departmentId, unitCode });
    if (name !== undefined) this.postNames.set(postId, name);
  }

  /** Gives a unit its name (a unit without one is known but unnamed here). */
  nameUnit(unitCode: string, name: string): void {
    this.unitNames.set(unitCode, name);
  }

  /** Makes `unitCode` a code no unit has (every other well-formed code is a unit here). */
  removeUnit(unitCode: string): void {
    this.missingUnits.add(unitCode);
  }

  goDown(): void {
    this.down = true;
  }

  comeBack(): void {
    this.down = false;
    this.limited = false;
  }

  rateLimit(): void {
    this.limited = true;
  }

  private reachable(): void {
    if (this.down) throw new Error('connect ECONNREFUSED (stub upstream is down)');
  }

  async ratableCase(number: string, code: string, onBehalfOf: Principal): Promise<RatableCase | null> {
    this.reachable();
    this.lookups.push(onBehalfOf);
    if (this.limited) throw new AppError('RATE_LIMITED', ErrorKind.RATE_LIMITED, 'too many failed lookups');
    const c = this.cases.get(`${number}|${code}`);
    return c ? { ...c, steps: c.steps.map((s) => ({ ...s })) } : null;
  }

  async departmentUnit(departmentId: string): Promise<string | null> {
    this.reachable();
    return this.departments.get(departmentId) ?? null;
  }

  async post(postId: string): Promise<{ departmentId: string; unitCode: string } | null> {
    this.reachable();
    return this.posts.get(postId) ?? null;
  }

  async knownUnits(unitCodes: string[]): Promise<Set<string>> {
    this.reachable();
    return new Set(unitCodes.filter((code) => !this.missingUnits.has(code)));
  }

  async names(unitCodes: string[], postIds: string[]): Promise<TargetNames> {
    this.reachable();
    const pick = (from: Map<string, string>, keys: string[]) =>
      new Map(keys.flatMap((k) => (from.has(k) ? [[k, from.get(k)!] as const] : [])));
    return { units: pick(this.unitNames, unitCodes), posts: pick(this.postNames, postIds) };
  }
}
