import { randomUUID } from 'node:crypto';
import {
  AppError,
  ErrorKind,
  platformError,
  PlatformErrorCode,
  Role,
  runIdempotent,
  scope,
  Tier,
  unitCode,
  type Principal,
} from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { evaluationError, EvaluationErrorCode } from '../rating/rating.errors';
import type { IndicatorSetContent } from './indicator-set-content';
import type { IndicatorSet, IndicatorSetInput } from './indicator-set.type';
import { indicatorSetProblems } from './validate-indicator-set';

interface SetRow {
  id: string;
  owner_unit: string | null;
  tier: Tier;
  version: number;
  name: string;
  status: string;
  content: IndicatorSetContent;
}

function toSet(r: SetRow): IndicatorSet {
  return {
    id: r.id,
    ownerUnit: r.owner_unit,
    tier: r.tier,
    version: r.version,
    name: r.name,
    status: r.status,
    aspects: r.content.aspects,
    indicatorCount: r.content.aspects.reduce((n, a) => n + a.indicators.length, 0),
  };
}

/** Indicator sets per tier, versioned: platform defaults, and a city's own versions managed by its ADMIN. */
export class IndicatorSetService {
  constructor(private readonly ds: DataSource) {}

  async list(principal: Principal, tier?: Tier | null): Promise<IndicatorSet[]> {
    const city = principal.unit ? principal.unit.slice(0, 4).padEnd(12, '0') : null;
    const rows: SetRow[] = await this.ds.query(
      `SELECT * FROM indicator_set WHERE ($1::text IS NULL OR tier = $1) AND (owner_unit IS NULL OR owner_unit = $2)
        ORDER BY tier, owner_unit NULLS FIRST, version`,
      [tier ?? null, city],
    );
    return rows
      .filter((r) => r.status !== 'DRAFT' || (r.owner_unit !== null && principal.role === Role.ADMIN))
      .map(toSet);
  }

  async create(principal: Principal, input: IndicatorSetInput, key: string): Promise<IndicatorSet> {
    const city = this.assertCityAdmin(principal);
    const content: IndicatorSetContent = {
      tier: input.tier,
      name: input.name,
      aspects: input.aspects.map((a) => ({ ...a, indicators: a.indicators.map((i) => ({ ...i })) })),
    };
    const problems = indicatorSetProblems(content);
    if (problems.length > 0) {
      throw new AppError(
        PlatformErrorCode.VALIDATION_FAILED,
        ErrorKind.BAD_INPUT,
        `${problems[0]!.field}: ${problems[0]!.message}`,
        problems[0]!.field,
        problems,
      );
    }
    const { id } = await runIdempotent(
      this.ds,
      { principal, key, operation: 'createIndicatorSet', input },
      async (em) => {
        const [{ next }] = await em.query(
          'SELECT COALESCE(max(version), 0) + 1 AS next FROM indicator_set WHERE owner_unit = $1 AND tier = $2',
          [city, input.tier],
        );
        const id = randomUUID();
        await em.query(
          `INSERT INTO indicator_set (id, owner_unit, tier, version, name, status, content, created_by) VALUES ($1, $2, $3, $4, $5, 'DRAFT', $6, $7)`,
          [id, city, input.tier, next, input.name.trim(), JSON.stringify(content), principal.subject],
        );
        return { id };
      },
    );
    return this.get(id);
  }

  /** Makes a draft the city's active set for its tier; the previous active one is retired. */
  async activate(principal: Principal, id: string, key: string): Promise<IndicatorSet> {
    const city = this.assertCityAdmin(principal);
    await runIdempotent(this.ds, { principal, key, operation: `activateIndicatorSet:${id}`, input: {} }, async (em) => {
      const [set]: SetRow[] = await em.query(
        'SELECT * FROM indicator_set WHERE id::text = $1 AND owner_unit = $2 FOR UPDATE',
        [id, city],
      );
      if (!set) throw evaluationError(EvaluationErrorCode.INDICATOR_SET_NOT_FOUND, `本市没有指标体系 ${id}`, 'id');
      if (set.status !== 'DRAFT')
        throw platformError(
          PlatformErrorCode.VALIDATION_FAILED,
          `指标体系 ${id} 状态为 ${set.status}，不是草稿（DRAFT）`,
          'id',
        );
      await em.query(
        `UPDATE indicator_set SET status = 'RETIRED' WHERE owner_unit = $1 AND tier = $2 AND status = 'ACTIVE'`,
        [city, set.tier],
      );
      await em.query(`UPDATE indicator_set SET status = 'ACTIVE' WHERE id = $1`, [set.id]);
      return { id: set.id };
    });
    return this.get(id);
  }

  private assertCityAdmin(principal: Principal): string {
    scope.assertRole(principal, [Role.ADMIN], '管理指标体系');
    if (!principal.unit || unitCode.tierOf(principal.unit) !== Tier.CITY) {
      throw platformError(PlatformErrorCode.FORBIDDEN, '指标体系由市级系统管理员管理');
    }
    return principal.unit;
  }

  private async get(id: string): Promise<IndicatorSet> {
    const [row]: SetRow[] = await this.ds.query('SELECT * FROM indicator_set WHERE id = $1', [id]);
    return toSet(row!);
  }
}
