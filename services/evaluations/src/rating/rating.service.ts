import { createHash, createHmac, randomUUID } from 'node:crypto';
import {
  platformError,
  PlatformErrorCode,
  publishEvent,
  requestScope,
  Role,
  runIdempotent,
  scope,
  unitCode,
  Validation,
  type Principal,
  isUuid,
} from '@sunlight/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { EvaluationsConfig } from '../evaluations-config';
import { LOW_RATING, lowRatingPayload, ratedOnOf, stageKeyOf, type RatingPlace } from './rating-place';
import { evaluationError, EvaluationErrorCode } from './rating.errors';
import type { RateCaseInput, RateServiceInput, RatingTag } from './rating.input';
import type { RatingReceipt } from './rating.type';

/** The service's schema. */
export const EVALUATIONS_SCHEMA = 'evaluations';
interface NewRating extends RatingPlace {
  score: number;
  tags: RatingTag[];
  comment: string | null;
}

function checkRating(v: Validation, score: number, tags: readonly RatingTag[], comment: string | undefined): void {
  v.check(Number.isInteger(score) && score >= 1 && score <= 5, 'score', '须为 1（非常不满意）至 5（非常满意）的整数');
  v.check(tags.length <= 6 && new Set(tags).size === tags.length, 'tags', '最多 6 个互不相同的标签');
  v.check(comment === undefined || comment.length <= 500, 'comment', '长度不得超过 500 个字符');
}

/**
 * Citizens' ratings (评价). A rating stores where the service was given (unit, department, post,
 * power, step) and nothing about who gave it; a case's stage may be rated once.
 */
export class RatingService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: EvaluationsConfig,
  ) {}

  /** Rates a finished stage of a case with its number and query code. */
  async rateCase(principal: Principal, input: RateCaseInput, key: string): Promise<RatingReceipt> {
    const v = new Validation();
    checkRating(v, input.score, input.tags ?? [], input.comment);
    v.check(Number.isInteger(input.stepNo) && input.stepNo >= 1, 'stepNo', '须为环节序号');
    v.throwIfAny();
    // A citizen has no scope: the rating is written with the system scope, for the case the code opened.
    return requestScope.asSystem(() =>
      runIdempotent(this.ds, { principal, key, operation: 'rateCase', input }, async (em) => {
        let found;
        try {
          found = await this.config.upstream.ratableCase(input.caseNumber.trim(), input.queryCode, principal);
        } catch (e) {
          if ((e as { code?: string }).code === 'RATE_LIMITED')
            throw platformError(PlatformErrorCode.RATE_LIMITED, '您所在地址查询失败次数过多，请几分钟后再试');
          throw evaluationError(
            EvaluationErrorCode.UPSTREAM_UNAVAILABLE,
            '暂时无法核对办件，请稍后用同一 idempotencyKey 重试',
          );
        }
        if (!found)
          throw evaluationError(EvaluationErrorCode.CASE_NOT_FOUND, '没有与该办件编号和查询码相符的办件', 'caseNumber');
        const step = found.steps.find((s) => s.stepNo === input.stepNo);
        if (!step)
          throw platformError(PlatformErrorCode.VALIDATION_FAILED, `该办件只有第 1-${found.steps.length} 步`, 'stepNo');
        if (!step.done)
          throw evaluationError(
            EvaluationErrorCode.STAGE_NOT_FINISHED,
            `第${step.stepNo}步（${step.name}）尚未办结，办结后再评价`,
            'stepNo',
          );
        const stageKey = stageKeyOf(this.config.stageKey, found.caseId, step.stepNo);
        return this.insert(em, {
          source: 'CASE',
          unitCode: found.unitCode,
          departmentId: step.departmentId,
          postId: step.postId,
          powerId: found.powerId,
          stepNo: step.stepNo,
          stageKey,
          deviceId: null,
          score: input.score,
          tags: input.tags ?? [],
          comment: input.comment?.trim() || null,
        });
      }),
    );
  }

  /** A rating from a registered window device. */
  async rateService(principal: Principal, input: RateServiceInput, key: string): Promise<RatingReceipt> {
    const v = new Validation();
    checkRating(v, input.score, input.tags ?? [], input.comment);
    v.check(input.postId === undefined || isUuid(input.postId), 'postId', '须为岗位编号');
    v.throwIfAny();
    const keyHash = createHash('sha256').update(input.deviceKey).digest('hex');
    const [device]: { id: string; unit_code: string; department_id: string }[] = await this.ds.query(
      'SELECT id, unit_code, department_id FROM rating_device WHERE key_hash = $1',
      [keyHash],
    );
    if (!device) throw evaluationError(EvaluationErrorCode.DEVICE_NOT_FOUND, '评价器密钥无效', 'deviceKey');
    if (input.postId) {
      const post = await this.config.upstream.post(input.postId);
      if (!post || post.departmentId !== device.department_id)
        throw platformError(PlatformErrorCode.VALIDATION_FAILED, '须为该评价器所属部门的岗位', 'postId');
    }
    // The device acts for its own unit, which it proved with its key.
    return requestScope.asSystem(() =>
      runIdempotent(
        this.ds,
        {
          principal: { ...principal, subject: `device:${device.id}`, role: Role.SERVICE },
          key,
          operation: 'rateService',
          input,
        },
        (em) =>
          this.insert(em, {
            source: 'DEVICE',
            unitCode: device.unit_code,
            departmentId: device.department_id,
            postId: input.postId ?? null,
            powerId: null,
            stepNo: null,
            stageKey: null,
            deviceId: device.id,
            score: input.score,
            tags: input.tags ?? [],
            comment: input.comment?.trim() || null,
          }),
      ),
    );
  }

  private async insert(em: EntityManager, r: NewRating): Promise<RatingReceipt> {
    const id = randomUUID();
    const ratedOn = ratedOnOf(this.config.now());
    const inserted: unknown[] = await em.query(
      `INSERT INTO rating (id, source, unit_code, department_id, post_id, power_id, step_no, stage_key, device_id, score, tags, comment, rated_on, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (stage_key) DO NOTHING RETURNING id`,
      [
        id,
        r.source,
        r.unitCode,
        r.departmentId,
        r.postId,
        r.powerId,
        r.stepNo,
        r.stageKey,
        r.deviceId,
        r.score,
        r.tags,
        r.comment,
        ratedOn,
        this.config.now(),
      ],
    );
    if (inserted.length === 0)
      throw evaluationError(EvaluationErrorCode.ALREADY_RATED, '该办件的这一环节已评价过', 'stepNo');
    if (r.score <= LOW_RATING) {
      await publishEvent(em, EVALUATIONS_SCHEMA, {
        topic: 'rating.low',
        unitCode: r.unitCode,
        aggregateId: id,
        payload: lowRatingPayload(id, r),
      });
    }
    return { id, score: r.score, ratedOn };
  }

  /** Registers a window rating device for a department; the key is shown once (and again on a retry). */
  async registerDevice(
    principal: Principal,
    input: { unitCode: string; departmentId: string; name: string },
    key: string,
  ): Promise<{ id: string; name: string; deviceKey: string }> {
    scope.assertRole(principal, [Role.ADMIN], '登记评价器');
    const v = new Validation();
    v.check(unitCode.isValid(input.unitCode), 'unitCode', '须为 12 位行政区划代码');
    v.check(isUuid(input.departmentId), 'departmentId', '须为部门编号');
    v.check(input.name.trim().length >= 1 && input.name.length <= 100, 'name', '长度须为 1-100 个字符');
    v.throwIfAny();
    scope.assertCanRead(principal, input.unitCode, 'unitCode');
    const unit = await this.config.upstream.departmentUnit(input.departmentId);
    if (unit !== input.unitCode)
      throw evaluationError(
        EvaluationErrorCode.DEPARTMENT_NOT_FOUND,
        `单位 ${input.unitCode} 没有部门 ${input.departmentId}`,
        'departmentId',
      );
    const ref = await runIdempotent(
      this.ds,
      { principal, key, operation: 'registerRatingDevice', input },
      async (em) => {
        const id = randomUUID();
        const deviceKey = this.deviceKeyOf(id);
        await em.query(
          'INSERT INTO rating_device (id, unit_code, department_id, name, key_hash, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
          [
            id,
            input.unitCode,
            input.departmentId,
            input.name.trim(),
            createHash('sha256').update(deviceKey).digest('hex'),
            principal.subject,
          ],
        );
        return { id, name: input.name.trim() };
      },
    );
    return { ...ref, deviceKey: this.deviceKeyOf(ref.id) };
  }

  private deviceKeyOf(id: string): string {
    return createHmac('sha256', this.config.deviceKey).update(`device:${id}`).digest('base64url');
  }
}
