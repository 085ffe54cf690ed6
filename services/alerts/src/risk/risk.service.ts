import {
  Month,
  MonthRange,
  platformError,
  PlatformErrorCode,
  Role,
  scope,
  TREND_MONTHS,
  unitCode,
  type Principal,
  type RollupTrends,
} from '@sunlight/shared';
import type { UnitRef } from '../alert/alert.type';
import type { AlertMeasure } from '../stats/alert-month-sums';
import type { PeerBaseline } from './peer-baseline';
import { computeIndex, rankAmong, type IndexResult, type PeerTable } from './risk-calculator';
import { inputsAt, type UnitRiskInputs } from './risk-inputs';
import type { AlertTrend } from './risk-inputs.type';
import { bandOf } from './quartile-fences';
import { IndicatorStatus, type RiskIndex, type RiskMonth, type TierRanking } from './risk.type';

const READERS = [Role.INSPECTOR, Role.LEADER, Role.SCREEN] as const;

/**
 * The risk index (勤廉风险综合评价指数), its ranking and its series: a unit's own inputs arrive
 * with the request (the other subgraphs' trends through `@requires`, the alerts' own rollup read
 * now); its peers come from the tier baseline.
 */
export class RiskService {
  constructor(
    private readonly baseline: PeerBaseline,
    private readonly alertTrends: RollupTrends<AlertMeasure>,
    private readonly now: () => Date,
  ) {}

  async alertTrend(p: Principal, unit: UnitRef): Promise<AlertTrend> {
    this.assertCanRead(p, unit.code, '查看预警趋势');
    const t = await this.alertTrends.forUnits.load(unit.code);
    return { months: t.months, ...t.values };
  }

  async index(p: Principal, unit: UnitRef, month: string | null | undefined): Promise<RiskIndex> {
    this.assertCanRead(p, unit.code, '查看勤廉风险指数');
    const m = this.month(month);
    const { result, table, fetchedAt, peerCount } = await this.scored(unit, m);
    return {
      month: m,
      tier: unitCode.tierOf(unit.code),
      score: result.score,
      status: result.score === null ? IndicatorStatus.INSUFFICIENT_DATA : IndicatorStatus.CALCULATED,
      coverage: result.coverage,
      band: scoreBand(result.score, table),
      peerCount,
      peersAsOf: fetchedAt,
      indicators: result.indicators.map((r) => ({
        key: r.definition.key,
        name: r.definition.name,
        description: r.definition.description,
        weight: r.definition.weight,
        status: r.calculated ? IndicatorStatus.CALCULATED : IndicatorStatus.INSUFFICIENT_DATA,
        value: r.value,
        sample: r.sample,
        minimumSample: r.definition.minimumSample,
        peerQ1: r.fences ? round4(r.fences.q1) : null,
        peerMedian: r.fences ? round4(r.fences.median) : null,
        peerQ3: r.fences ? round4(r.fences.q3) : null,
        upperFence: r.fences ? round4(r.fences.upper) : null,
        peers: r.fences?.peers ?? 0,
        score: r.score,
        band: r.band,
        note: r.note,
      })),
    };
  }

  async ranking(p: Principal, unit: UnitRef, month: string | null | undefined): Promise<TierRanking> {
    this.assertCanRead(p, unit.code, '查看同级排名');
    const m = this.month(month);
    const { result, table } = await this.scored(unit, m);
    const tier = unitCode.tierOf(unit.code);
    if (result.score === null)
      return {
        month: m,
        tier,
        position: null,
        outOf: [...table.scores.keys()].filter((c) => c !== unit.code).length,
        score: null,
      };
    return { month: m, tier, ...rankAmong(table, unit.code, result.score), score: result.score };
  }

  async series(p: Principal, unit: UnitRef): Promise<RiskMonth[]> {
    this.assertCanRead(p, unit.code, '查看勤廉风险指数');
    const months = MonthRange.trailing(this.now(), TREND_MONTHS).months.map((m) => m.label);
    return Promise.all(
      months.map(async (m) => {
        const { result, table } = await this.scored(unit, m);
        return {
          month: m,
          score: result.score,
          status: result.score === null ? IndicatorStatus.INSUFFICIENT_DATA : IndicatorStatus.CALCULATED,
          band: scoreBand(result.score, table),
          indicators: result.indicators.map((r) => ({ key: r.definition.key, value: r.value, score: r.score })),
        };
      }),
    );
  }

  private async scored(unit: UnitRef, month: string) {
    const tier = unitCode.tierOf(unit.code);
    const [own, { table, fetchedAt }] = await Promise.all([
      this.inputsOf(unit),
      this.baseline.table(tier, unit.code, month),
    ]);
    const result: IndexResult = computeIndex(inputsAt(own, month), table.fences);
    return { result, table, fetchedAt, peerCount: table.units };
  }

  private async inputsOf(unit: UnitRef): Promise<UnitRiskInputs> {
    const alerts = await this.alertTrends.forUnits.load(unit.code);
    return {
      ...(unit.caseTrend ? { caseTrend: unit.caseTrend } : {}),
      ...(unit.satisfactionTrend ? { satisfactionTrend: unit.satisfactionTrend } : {}),
      ...(unit.complaintTrend ? { complaintTrend: unit.complaintTrend } : {}),
      alertTrend: { months: alerts.months, ...alerts.values },
    };
  }

  /** The `month` argument (`YYYY-MM`, default the last complete month), checked to be within the trend window. */
  private month(month: string | null | undefined): string {
    const now = this.now();
    if (month === null || month === undefined) return Month.containing(now).plus(-1).label;
    const window = MonthRange.trailing(now, TREND_MONTHS);
    const m = Month.parse(month);
    if (!m || !window.contains(m)) {
      throw platformError(
        PlatformErrorCode.VALIDATION_FAILED,
        `月份须为 YYYY-MM 格式，且在 ${window.first.label} 至 ${window.end.plus(-1).label} 之间`,
        'month',
      );
    }
    return m.label;
  }

  private assertCanRead(p: Principal, code: string, action: string): void {
    scope.assertRole(p, READERS, action);
    scope.assertCanRead(p, code);
  }
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The band of an index score among the peers' scores; null without a score or without fences. */
const scoreBand = (score: number | null, table: PeerTable) =>
  score !== null && table.scoreFences ? bandOf(score, table.scoreFences) : null;
