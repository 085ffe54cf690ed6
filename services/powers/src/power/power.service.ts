import { randomUUID } from 'node:crypto';
import {
  platformError,
  PlatformErrorCode,
  publishEvent,
  Role,
  runIdempotent,
  scope,
  unitCode,
  Validation,
  type EventPayloads,
  type Principal,
  isUuid,
} from '@sunlight/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { powerError, PowerErrorCode } from './power.errors';
import type { CreatePowerInput, UpdatePowerInput } from './power.input';
import { powerRepository } from './power.repository';
import { checkPowerCode, validatePowerContent, type UnitDirectory } from './power.validation';
import type { PowerContent } from './power-content';
import { flowContentOf, powerContentOf } from './power-content-of';
import { PowerStatus, VersionState } from './power-status';

/** The service's schema, where its outbox lives. */
export const POWERS_SCHEMA = 'powers';

/** What a write returns: the version to load and show. */
export interface PowerRef {
  id: string;
  version: number;
}

interface LockedPower {
  id: string;
  unit_code: string;
  code: string;
  status: PowerStatus;
  latest_version: number;
  published_version: number | null;
}

async function directoryOf(em: EntityManager, unit: string): Promise<UnitDirectory> {
  const departments = await em.query(
    'SELECT id, unit_code AS "unitCode", code, name, supervisory FROM department WHERE unit_code = $1',
    [unit],
  );
  const posts = await em.query(
    'SELECT p.id, p.department_id AS "departmentId", p.code, p.name FROM post p JOIN department d ON d.id = p.department_id WHERE d.unit_code = $1',
    [unit],
  );
  return {
    departments: new Map(departments.map((d: { id: string }) => [d.id, d])),
    posts: new Map(posts.map((p: { id: string }) => [p.id, p])),
  };
}

/**
 * Writes to the catalog. Every write is an ADMIN's, inside its subtree, idempotent by key, in one
 * transaction with its outbox event. Editing a published power writes a new DRAFT version; the
 * published one stays in force (and readable) until the draft is published.
 */
export class PowerService {
  constructor(private readonly ds: DataSource) {}

  private assertAdmin(principal: Principal, unit: string, field = 'unitCode'): void {
    scope.assertRole(principal, [Role.ADMIN], '管理权力清单');
    scope.assertCanRead(principal, unit, field);
  }

  async create(principal: Principal, input: CreatePowerInput, idempotencyKey: string): Promise<PowerRef> {
    scope.assertRole(principal, [Role.ADMIN], '管理权力清单');
    const v = new Validation();
    v.check(unitCode.isValid(input.unitCode), 'unitCode', '须为 12 位行政区划代码');
    checkPowerCode(v, input.code);
    v.throwIfAny();
    this.assertAdmin(principal, input.unitCode);
    return runIdempotent(this.ds, { principal, key: idempotencyKey, operation: 'createPower', input }, async (em) => {
      const [unit] = await em.query('SELECT code FROM unit WHERE code = $1', [input.unitCode]);
      if (!unit) throw powerError(PowerErrorCode.UNIT_NOT_FOUND, `没有代码为 ${input.unitCode} 的单位`, 'unitCode');
      const content = powerContentOf(input);
      validatePowerContent(content, await directoryOf(em, input.unitCode));
      const id = randomUUID();
      // ON CONFLICT waits for a concurrent creator of the same code and then reports it taken. No
      // arbiter is named: the catalog code's unique index (unit code + code) conflicts as well,
      // and a race met it first with a raw unique violation (seen in CI); any conflict here means
      // the code is taken (the id is a fresh UUID).
      const inserted: unknown[] = await em.query(
        `INSERT INTO power (id, unit_code, code, status, latest_version, created_by) VALUES ($1, $2, $3, 'DRAFT', 1, $4)
         ON CONFLICT DO NOTHING RETURNING id`,
        [id, input.unitCode, input.code, principal.subject],
      );
      if (inserted.length === 0)
        throw powerError(
          PowerErrorCode.POWER_CODE_TAKEN,
          `单位 ${input.unitCode} 已有编码为 ${input.code} 的权力事项`,
          'code',
        );
      await powerRepository.writeVersion(em, id, 1, VersionState.DRAFT, content, principal.subject);
      await publishEvent(em, POWERS_SCHEMA, {
        topic: 'power.created',
        unitCode: input.unitCode,
        aggregateId: id,
        payload: { version: 1, code: input.code },
      });
      return { id, version: 1 };
    });
  }

  /**
   * Applies `change` to the latest content and writes it as a draft: in place when the latest
   * version is a draft, as version n+1 when it is published.
   */
  private async edit<X extends object = object>(
    principal: Principal,
    id: string,
    idempotencyKey: string,
    operation: EventPayloads['power.edited']['operation'],
    input: unknown,
    change: (c: PowerContent) => X | void,
  ): Promise<PowerRef & Partial<X>> {
    scope.assertRole(principal, [Role.ADMIN], '管理权力清单');
    return runIdempotent(
      this.ds,
      { principal, key: idempotencyKey, operation: `${operation}:${id}`, input },
      async (em): Promise<PowerRef & Partial<X>> => {
        const power = await this.lock(em, principal, id);
        if (power.status === PowerStatus.RETIRED)
          throw powerError(PowerErrorCode.POWER_RETIRED, `权力事项 ${power.code} 已停用，不能修改`, 'id');
        const [latest] = await em.query('SELECT state FROM power_version WHERE power_id = $1 AND version = $2', [
          id,
          power.latest_version,
        ]);
        const content = await powerRepository.readContent(em, id, power.latest_version);
        const extra: Partial<X> = change(content) ?? {};
        validatePowerContent(content, await directoryOf(em, power.unit_code));
        let version = power.latest_version;
        if (latest.state === VersionState.DRAFT) {
          await powerRepository.deleteVersion(em, id, version);
        } else {
          version += 1;
          await em.query('UPDATE power SET latest_version = $2 WHERE id = $1', [id, version]);
        }
        await powerRepository.writeVersion(em, id, version, VersionState.DRAFT, content, principal.subject);
        await em.query('UPDATE power SET updated_at = now() WHERE id = $1', [id]);
        await publishEvent(em, POWERS_SCHEMA, {
          topic: 'power.edited',
          unitCode: power.unit_code,
          aggregateId: id,
          payload: { version, operation },
        });
        return { ...extra, id, version };
      },
    );
  }

  private async lock(em: EntityManager, principal: Principal, id: string): Promise<LockedPower> {
    const [power]: LockedPower[] = isUuid(id)
      ? await em.query('SELECT * FROM power WHERE id = $1 FOR UPDATE', [id])
      : [];
    if (!power || !scope.canRead(principal, power.unit_code))
      throw powerError(PowerErrorCode.POWER_NOT_FOUND, `您的管辖范围内没有权力事项 ${id}`, 'id');
    return power;
  }

  async update(principal: Principal, id: string, input: UpdatePowerInput, key: string): Promise<PowerRef> {
    return this.edit(principal, id, key, 'updatePower', input, (c) => {
      for (const field of [
        'name',
        'category',
        'legalBasis',
        'departmentId',
        'conditions',
        'fees',
        'statutoryDays',
        'promisedDays',
        'principalLeader',
      ] as const) {
        if (input[field] !== undefined && input[field] !== null)
          (c as unknown as Record<string, unknown>)[field] = input[field];
      }
      if (input.postId !== undefined) c.postId = input.postId;
      if (input.supervisorDepartmentId !== undefined) c.supervisorDepartmentId = input.supervisorDepartmentId;
      if (input.flow) {
        c.flow = flowContentOf(input.flow);
      }
    });
  }

  /** Adds an item (risk point, efficiency point or checkpoint) to the draft. */
  async addItem<K extends 'riskPoints' | 'efficiencyPoints' | 'checkpoints'>(
    principal: Principal,
    powerId: string,
    list: K,
    item: Omit<PowerContent[K][number], 'id'>,
    key: string,
  ): Promise<PowerRef & { itemId?: string }> {
    // The id is drawn inside the idempotent work so a retry returns the id that was stored.
    return this.edit(principal, powerId, key, `add:${list}`, item, (c) => {
      const itemId = randomUUID();
      (c[list] as { id: string }[]).push({ ...item, id: itemId });
      return { itemId };
    });
  }

  /** Removes an item from the draft. */
  async removeItem(
    principal: Principal,
    powerId: string,
    list: 'riskPoints' | 'efficiencyPoints' | 'checkpoints',
    itemId: string,
    key: string,
  ): Promise<PowerRef> {
    return this.edit(principal, powerId, key, `remove:${list}`, { itemId }, (c) => {
      const items = c[list] as { id: string }[];
      const index = items.findIndex((i) => i.id === itemId);
      if (index < 0)
        throw powerError(PowerErrorCode.ITEM_NOT_FOUND, `最新版本的 ${list} 中没有条目 ${itemId}`, 'itemId');
      items.splice(index, 1);
    });
  }

  /** Publishes the latest draft; the previously published version becomes SUPERSEDED. */
  async publish(principal: Principal, id: string, key: string): Promise<PowerRef> {
    scope.assertRole(principal, [Role.ADMIN], '管理权力清单');
    return runIdempotent(this.ds, { principal, key, operation: `publishPower:${id}`, input: {} }, async (em) => {
      const power = await this.lock(em, principal, id);
      if (power.status === PowerStatus.RETIRED)
        throw powerError(PowerErrorCode.POWER_RETIRED, `权力事项 ${power.code} 已停用`, 'id');
      const [latest] = await em.query('SELECT state FROM power_version WHERE power_id = $1 AND version = $2', [
        id,
        power.latest_version,
      ]);
      if (latest.state !== VersionState.DRAFT)
        throw powerError(
          PowerErrorCode.NOTHING_TO_PUBLISH,
          `第 ${power.latest_version} 版已公布，请先修改权力事项再公布`,
          'id',
        );
      validatePowerContent(
        await powerRepository.readContent(em, id, power.latest_version),
        await directoryOf(em, power.unit_code),
      );
      await em.query(`UPDATE power_version SET state = 'SUPERSEDED' WHERE power_id = $1 AND state = 'PUBLISHED'`, [id]);
      await em.query(
        `UPDATE power_version SET state = 'PUBLISHED', published_at = now() WHERE power_id = $1 AND version = $2`,
        [id, power.latest_version],
      );
      await em.query(
        `UPDATE power SET status = 'PUBLISHED', published_version = latest_version, updated_at = now() WHERE id = $1`,
        [id],
      );
      await publishEvent(em, POWERS_SCHEMA, {
        topic: 'power.published',
        unitCode: power.unit_code,
        aggregateId: id,
        payload: { version: power.latest_version },
      });
      return { id, version: power.latest_version };
    });
  }

  /** Withdraws a power from the catalog (已取消); its versions stay readable to staff. */
  async retire(principal: Principal, id: string, reason: string, key: string): Promise<PowerRef> {
    scope.assertRole(principal, [Role.ADMIN], '管理权力清单');
    if (reason.trim().length < 2 || reason.length > 1000)
      throw platformError(PlatformErrorCode.VALIDATION_FAILED, '停用理由长度须为 2-1000 个字符', 'reason');
    return runIdempotent(this.ds, { principal, key, operation: `retirePower:${id}`, input: { reason } }, async (em) => {
      const power = await this.lock(em, principal, id);
      if (power.status === PowerStatus.RETIRED)
        throw powerError(PowerErrorCode.POWER_RETIRED, `权力事项 ${power.code} 已经停用`, 'id');
      await em.query(`UPDATE power SET status = 'RETIRED', retired_reason = $2, updated_at = now() WHERE id = $1`, [
        id,
        reason,
      ]);
      await publishEvent(em, POWERS_SCHEMA, {
        topic: 'power.retired',
        unitCode: power.unit_code,
        aggregateId: id,
        payload: { reason },
      });
      return { id, version: power.latest_version };
    });
  }
}
