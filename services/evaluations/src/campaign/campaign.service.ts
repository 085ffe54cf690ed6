import { createHash, createHmac, randomUUID } from 'node:crypto';
import {
  platformError,
  PlatformErrorCode,
  Role,
  runIdempotent,
  scope,
  unitCode,
  Validation,
  type Principal,
  type Tier,
  chinaTimeText,
  isUuid,
  tierLabel,
} from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import type { EvaluationsConfig } from '../evaluations-config';
import type { TargetNames } from '../clients/upstream';
import type { IndicatorSetContent } from '../indicator/indicator-set-content';
import { evaluationError, EvaluationErrorCode } from '../rating/rating.errors';
import { campaignResults, type TargetResult } from './campaign-results';
import { campaignTargetName } from './campaign-target-name';
import { ReviewerKind, TargetKind, type OpenCampaignInput, type SubmitReviewInput } from './campaign.input';
import type { Campaign, CampaignTarget } from './campaign.type';

/** Reviewer kinds as messages name them. */
const REVIEWER_KIND_LABEL: Record<ReviewerKind, string> = {
  [ReviewerKind.PUBLIC]: '群众',
  [ReviewerKind.REPRESENTATIVE]: '代表',
  [ReviewerKind.STAFF]: '干部职工',
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface CampaignRow {
  id: string;
  owner_unit: string;
  name: string;
  target_kind: TargetKind;
  reviewer_kinds: ReviewerKind[];
  expected_reviewers: number;
  opened_at: Date;
  closes_at: Date;
  closed_at: Date | null;
}

/**
 * Does a signed-in reviewer belong to the target? A UNIT or LEADERSHIP target is held by everyone
 * whose unit lies within it (its own staff and leaders, and the units below it); a KEY_POST target
 * by the holder of that post. Ballot reviewers are anonymous outsiders and never belong.
 */
function belongsTo(principal: Principal, target: { unit_code: string; post_id: string | null }): boolean {
  if (target.post_id !== null) return principal.post === target.post_id;
  return principal.unit !== undefined && unitCode.contains(target.unit_code, principal.unit);
}

/**
 * Review campaigns (民主评议): an inspector or leader opens one over targets in its scope; staff
 * (signed in) and ballot holders score every indicator of a target once; results per target,
 * ranked within tier, are published when the campaign closes. No one reviews a target they belong
 * to (SELF_REVIEW), so results never count a self-review.
 */
export class CampaignService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: EvaluationsConfig,
  ) {}

  private isOpen(c: CampaignRow): boolean {
    return c.closed_at === null && this.config.now() < c.closes_at;
  }

  private async row(principal: Principal, id: string, forUpdate = false): Promise<CampaignRow> {
    const [c]: CampaignRow[] = isUuid(id)
      ? await this.ds.query(`SELECT * FROM campaign WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id])
      : [];
    // The public and reviewers see campaigns; staff outside the owner's scope do not.
    if (
      !c ||
      (principal.role !== Role.PUBLIC &&
        principal.role !== Role.SERVICE &&
        !scope.canRead(principal, c.owner_unit) &&
        !unitCode.contains(c.owner_unit, principal.unit ?? ''))
    ) {
      throw evaluationError(EvaluationErrorCode.CAMPAIGN_NOT_FOUND, `没有评议活动 ${id}`, 'campaignId');
    }
    return c;
  }

  /** The units among `codes` (asked of powers once); a failed call is UPSTREAM_UNAVAILABLE, never "no unit". */
  private async knownUnits(codes: string[]): Promise<Set<string>> {
    try {
      return await this.config.upstream.knownUnits([...new Set(codes)]);
    } catch (e) {
      const error = evaluationError(
        EvaluationErrorCode.UPSTREAM_UNAVAILABLE,
        '暂时无法核对评议对象的单位代码（单位目录服务未响应），请稍后用同一 idempotencyKey 重试',
        'targets',
      );
      error.cause = e; // for the log, never the client
      throw error;
    }
  }

  /** The active indicator set for a tier: the city's own, else the platform default. */
  private async activeSet(city: string, tier: Tier): Promise<{ id: string; content: IndicatorSetContent }> {
    const [set]: { id: string; content: IndicatorSetContent }[] = await this.ds.query(
      `SELECT id, content FROM indicator_set WHERE tier = $1 AND status = 'ACTIVE' AND (owner_unit = $2 OR owner_unit IS NULL)
        ORDER BY owner_unit NULLS LAST, version DESC LIMIT 1`,
      [tier, city],
    );
    if (!set)
      throw evaluationError(EvaluationErrorCode.INDICATOR_SET_NOT_FOUND, `${tierLabel(tier)}没有启用中的指标体系`);
    return set;
  }

  async open(principal: Principal, input: OpenCampaignInput, key: string): Promise<{ id: string }> {
    scope.assertRole(principal, [Role.INSPECTOR, Role.LEADER], '发起评议活动');
    const owner = principal.unit!;
    const v = new Validation();
    v.check(input.name.trim().length >= 2 && input.name.length <= 200, 'name', '长度须为 2-200 个字符');
    v.check(input.targets.length >= 1 && input.targets.length <= 500, 'targets', '须列出 1-500 个评议对象');
    v.check(input.reviewerKinds.length >= 1, 'reviewerKinds', '须至少指定一类评议人');
    v.check(
      Number.isInteger(input.expectedReviewers) && input.expectedReviewers >= 1 && input.expectedReviewers <= 1_000_000,
      'expectedReviewers',
      '须为 1 至 1000000 之间的整数',
    );
    v.check(input.closesAt.getTime() > this.config.now().getTime(), 'closesAt', '须为将来的时间');
    input.targets.forEach((t, i) => {
      v.check(
        unitCode.isValid(t.unitCode) && unitCode.contains(owner, t.unitCode),
        `targets.${i}.unitCode`,
        '须为您管辖范围内的单位',
      );
      v.check(
        (input.targetKind === TargetKind.KEY_POST) === (t.postId !== undefined && t.postId !== null),
        `targets.${i}.postId`,
        '评议关键岗位（KEY_POST）时必填，其他对象不填',
      );
      v.check(t.postId === undefined || t.postId === null || isUuid(t.postId), `targets.${i}.postId`, '须为岗位编号');
    });
    v.throwIfAny();
    const known = await this.knownUnits(input.targets.map((t) => t.unitCode));
    input.targets.forEach((t, i) =>
      v.check(known.has(t.unitCode), `targets.${i}.unitCode`, `没有代码为 ${t.unitCode} 的单位`),
    );
    v.throwIfAny();
    const targets: {
      targetId: string;
      unitCode: string;
      postId: string | null;
      tier: Tier;
      label: string;
      setId: string;
    }[] = [];
    for (const [i, t] of input.targets.entries()) {
      if (t.postId) {
        const post = await this.config.upstream.post(t.postId);
        if (post?.unitCode !== t.unitCode)
          throw platformError(
            PlatformErrorCode.VALIDATION_FAILED,
            `岗位 ${t.postId} 不属于单位 ${t.unitCode}`,
            `targets.${i}.postId`,
          );
      }
      const tier = unitCode.tierOf(t.unitCode);
      const set = await this.activeSet(t.unitCode.slice(0, 4).padEnd(12, '0'), tier);
      const targetId =
        t.postId ?? (input.targetKind === TargetKind.LEADERSHIP ? `leadership:${t.unitCode}` : t.unitCode);
      targets.push({
        targetId,
        unitCode: t.unitCode,
        postId: t.postId ?? null,
        tier,
        label: t.label?.trim() || targetId,
        setId: set.id,
      });
    }
    if (new Set(targets.map((t) => t.targetId)).size !== targets.length)
      throw platformError(PlatformErrorCode.VALIDATION_FAILED, '同一评议对象被列出两次', 'targets');
    return runIdempotent(this.ds, { principal, key, operation: 'openCampaign', input }, async (em) => {
      const id = randomUUID();
      await em.query(
        `INSERT INTO campaign (id, owner_unit, name, target_kind, reviewer_kinds, expected_reviewers, opened_by, opened_at, closes_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          owner,
          input.name.trim(),
          input.targetKind,
          input.reviewerKinds,
          input.expectedReviewers,
          principal.subject,
          this.config.now(),
          input.closesAt,
        ],
      );
      for (const t of targets) {
        await em.query(
          'INSERT INTO campaign_target (campaign_id, target_id, unit_code, post_id, tier, label, indicator_set_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [id, t.targetId, t.unitCode, t.postId, t.tier, t.label, t.setId],
        );
      }
      return { id };
    });
  }

  /** Issues ballot codes for public or representative reviewers; a retry returns the same codes. */
  async issueBallots(
    principal: Principal,
    campaignId: string,
    kind: ReviewerKind,
    count: number,
    key: string,
  ): Promise<string[]> {
    scope.assertRole(principal, [Role.INSPECTOR, Role.LEADER], '发放评议票');
    const v = new Validation();
    v.check(
      kind !== ReviewerKind.STAFF,
      'kind',
      '干部职工登录后评议，评议票只发给群众（PUBLIC）或代表（REPRESENTATIVE）',
    );
    v.check(Number.isInteger(count) && count >= 1 && count <= 10_000, 'count', '须为 1 至 10000 之间的整数');
    v.throwIfAny();
    const c = await this.row(principal, campaignId);
    if (!scope.canRead(principal, c.owner_unit))
      throw evaluationError(EvaluationErrorCode.CAMPAIGN_NOT_FOUND, `没有评议活动 ${campaignId}`, 'campaignId');
    if (!c.reviewer_kinds.includes(kind))
      throw platformError(
        PlatformErrorCode.VALIDATION_FAILED,
        `本次评议活动不接受${REVIEWER_KIND_LABEL[kind]}评议`,
        'kind',
      );
    if (!this.isOpen(c)) throw evaluationError(EvaluationErrorCode.CAMPAIGN_CLOSED, '评议活动已结束');
    const { batch } = await runIdempotent(
      this.ds,
      { principal, key, operation: `issueBallots:${campaignId}`, input: { kind, count } },
      async (em) => {
        const [{ next }] = await em.query(
          'SELECT COALESCE(max(batch), 0) + 1 AS next FROM ballot WHERE campaign_id = $1',
          [campaignId],
        );
        const codes = this.codes(campaignId, next, count);
        await em.query(
          'INSERT INTO ballot (campaign_id, code_hash, kind, batch) SELECT $1, unnest($2::text[]), $3, $4',
          [campaignId, codes.map(sha256), kind, next],
        );
        return { batch: next as number };
      },
    );
    return this.codes(campaignId, batch, count);
  }

  private codes(campaignId: string, batch: number, count: number): string[] {
    return Array.from({ length: count }, (_, i) =>
      createHmac('sha256', this.config.ballotKey)
        .update(`${campaignId}:${batch}:${i}`)
        .digest('base64url')
        .slice(0, 12),
    );
  }

  async review(principal: Principal, input: SubmitReviewInput, key: string): Promise<{ id: string }> {
    const c = await this.row(principal, input.campaignId);
    if (!this.isOpen(c))
      throw evaluationError(
        EvaluationErrorCode.CAMPAIGN_CLOSED,
        `评议活动已于 ${chinaTimeText(c.closes_at)} 结束`,
        'campaignId',
      );
    let reviewerKey: string;
    let reviewerKind: ReviewerKind;
    if (input.ballotCode) {
      const [ballot]: { kind: ReviewerKind; code_hash: string }[] = await this.ds.query(
        'SELECT kind, code_hash FROM ballot WHERE campaign_id = $1 AND code_hash = $2',
        [c.id, sha256(input.ballotCode.trim())],
      );
      if (!ballot) throw evaluationError(EvaluationErrorCode.NOT_A_REVIEWER, '评议码不属于本次评议活动', 'ballotCode');
      reviewerKey = ballot.code_hash;
      reviewerKind = ballot.kind;
    } else {
      const staff =
        c.reviewer_kinds.includes(ReviewerKind.STAFF) &&
        principal.unit !== undefined &&
        principal.role !== Role.PUBLIC &&
        unitCode.contains(c.owner_unit, principal.unit);
      if (!staff)
        throw evaluationError(
          EvaluationErrorCode.NOT_A_REVIEWER,
          '请使用评议码评议；本次活动如接受干部职工评议，也可以本单位干部职工身份登录后评议',
          'ballotCode',
        );
      reviewerKey = sha256(`staff:${principal.subject}`);
      reviewerKind = ReviewerKind.STAFF;
    }
    const [target]: {
      indicator_set_id: string;
      content: IndicatorSetContent;
      unit_code: string;
      post_id: string | null;
    }[] = await this.ds.query(
      'SELECT t.indicator_set_id, s.content, t.unit_code, t.post_id FROM campaign_target t JOIN indicator_set s ON s.id = t.indicator_set_id WHERE t.campaign_id = $1 AND t.target_id = $2',
      [c.id, input.targetId],
    );
    if (!target) throw platformError(PlatformErrorCode.VALIDATION_FAILED, '不是本次评议活动的评议对象', 'targetId');
    if (reviewerKind === ReviewerKind.STAFF && belongsTo(principal, target))
      throw evaluationError(
        EvaluationErrorCode.SELF_REVIEW,
        '不得评议本人所在的单位、领导班子或本人所在岗位（不得自评）',
        'targetId',
      );
    const codes = target.content.aspects.flatMap((a) => a.indicators.map((i) => i.code));
    const v = new Validation();
    const given = new Map<string, number>();
    input.scores.forEach((s, i) => {
      v.check(codes.includes(s.indicator), `scores.${i}.indicator`, '不是该评议对象所用指标体系中的指标');
      v.check(!given.has(s.indicator), `scores.${i}.indicator`, '重复打分');
      v.check(Number.isFinite(s.score) && s.score >= 0 && s.score <= 100, `scores.${i}.score`, '须为 0-100 分');
      given.set(s.indicator, s.score);
    });
    const missing = codes.filter((code) => !given.has(code));
    v.check(
      missing.length === 0,
      'scores',
      `每项指标都须打分，缺少 ${missing.slice(0, 5).join('、')}${missing.length > 5 ? '等' : ''}`,
    );
    v.throwIfAny();
    // A ballot holder is anonymous: key retries by the ballot, not by the shared "public" subject.
    const owner = input.ballotCode ? { ...principal, role: Role.SERVICE, subject: `ballot:${reviewerKey}` } : principal;
    return runIdempotent(this.ds, { principal: owner, key, operation: 'submitReview', input }, async (em) => {
      const id = randomUUID();
      const inserted: unknown[] = await em.query(
        `INSERT INTO review (id, campaign_id, target_id, reviewer_key, reviewer_kind, scores) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (campaign_id, target_id, reviewer_key) DO NOTHING RETURNING id`,
        [id, c.id, input.targetId, reviewerKey, reviewerKind, JSON.stringify(Object.fromEntries(given))],
      );
      if (inserted.length === 0)
        throw evaluationError(EvaluationErrorCode.ALREADY_REVIEWED, '您已在本次评议活动中评议过该对象', 'targetId');
      return { id };
    });
  }

  async close(principal: Principal, id: string, key: string): Promise<{ id: string }> {
    scope.assertRole(principal, [Role.INSPECTOR, Role.LEADER], '结束评议活动');
    const c = await this.row(principal, id);
    if (!scope.canRead(principal, c.owner_unit))
      throw evaluationError(EvaluationErrorCode.CAMPAIGN_NOT_FOUND, `没有评议活动 ${id}`, 'campaignId');
    return runIdempotent(this.ds, { principal, key, operation: `closeCampaign:${id}`, input: {} }, async (em) => {
      await em.query(
        'UPDATE campaign SET closed_at = COALESCE(closed_at, LEAST($2::timestamptz, closes_at)) WHERE id = $1',
        [id, this.config.now()],
      );
      return { id };
    });
  }

  async get(principal: Principal, id: string): Promise<Campaign> {
    const c = await this.row(principal, id);
    const targets: {
      target_id: string;
      unit_code: string;
      post_id: string | null;
      tier: Tier;
      label: string;
      indicator_set_id: string;
    }[] = await this.ds.query('SELECT * FROM campaign_target WHERE campaign_id = $1 ORDER BY target_id', [id]);
    return {
      id: c.id,
      name: c.name,
      ownerUnit: c.owner_unit,
      targetKind: c.target_kind,
      reviewerKinds: c.reviewer_kinds,
      expectedReviewers: c.expected_reviewers,
      openedAt: c.opened_at,
      closesAt: c.closed_at ?? c.closes_at,
      status: this.isOpen(c) ? 'OPEN' : 'CLOSED',
      targets: targets.map((t): CampaignTarget => ({
        targetId: t.target_id,
        unitCode: t.unit_code,
        postId: t.post_id,
        tier: t.tier,
        label: t.label,
        indicatorSetId: t.indicator_set_id,
      })),
    };
  }

  /** Results per target; only once the campaign is closed, so they cannot sway reviewers. */
  async results(principal: Principal, id: string): Promise<(TargetResult & { name: string })[]> {
    const c = await this.row(principal, id);
    if (this.isOpen(c))
      throw evaluationError(
        EvaluationErrorCode.CAMPAIGN_OPEN,
        `评议结果在活动结束（${chinaTimeText(c.closes_at)}）后公布`,
        'campaignId',
      );
    const targets: {
      target_id: string;
      tier: Tier;
      unit_code: string;
      post_id: string | null;
      label: string;
      content: IndicatorSetContent;
    }[] = await this.ds.query(
      'SELECT t.target_id, t.tier, t.unit_code, t.post_id, t.label, s.content FROM campaign_target t JOIN indicator_set s ON s.id = t.indicator_set_id WHERE t.campaign_id = $1 ORDER BY t.target_id',
      [id],
    );
    const reviews: { target_id: string; scores: Record<string, number> }[] = await this.ds.query(
      'SELECT target_id, scores FROM review WHERE campaign_id = $1',
      [id],
    );
    const sets = new Map(targets.map((t) => [t.tier, t.content]));
    const names = await this.targetNames(targets.map((t) => ({ unitCode: t.unit_code, postId: t.post_id })));
    const results = campaignResults(
      sets,
      targets.map((t) => ({ targetId: t.target_id, tier: t.tier })),
      reviews.map((r) => ({ targetId: r.target_id, scores: r.scores })),
      c.expected_reviewers,
    );
    return results.map((r, i) => {
      const t = targets[i]!;
      const stored = { targetId: t.target_id, unitCode: t.unit_code, postId: t.post_id, label: t.label };
      return { ...r, name: campaignTargetName(c.target_kind, stored, names) };
    });
  }

  /** Names of the targets' units and posts; none when powers cannot be reached (labels stand in). */
  private async targetNames(targets: { unitCode: string; postId: string | null }[]): Promise<TargetNames> {
    try {
      return await this.config.upstream.names(
        [...new Set(targets.map((t) => t.unitCode))],
        [...new Set(targets.flatMap((t) => (t.postId ? [t.postId] : [])))],
      );
    } catch {
      return { units: new Map(), posts: new Map() };
    }
  }
}
