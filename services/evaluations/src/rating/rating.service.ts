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
  v.check(
    Number.isInteger(score) && score >= 1 && score <= 5,
    'score',
    'must be a whole number from 1 (非常不满意) to 5 (非常满意)',
  );
  v.check(tags.length <= 6 && new Set(tags).size === tags.length, 'tags', 'at most 6 different tags');
  v.check(comment === undefined || comment.length <= 500, 'comment', 'must be at most 500 characters');
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
    v.check(Number.isInteger(input.stepNo) && input.stepNo >= 1, 'stepNo', 'must be a step number');
    v.throwIfAny();
    // A citizen has no scope: the rating is written with the system scope, for the case the code opened.
    return requestScope.asSystem(() =>
      runIdempotent(this.ds, { principal, key, operation: 'rateCase', input }, async (em) => {
        let found;
        try {
          found = await this.config.upstream.ratableCase(input.caseNumber.trim(), input.queryCode, principal);
        } catch (e) {
          if ((e as { code?: string }).code === 'RATE_LIMITED')
            throw platformError(
              PlatformErrorCode.RATE_LIMITED,
              'too many failed lookups from your address; try again in a few minutes',
            );
          throw evaluationError(
            EvaluationErrorCode.UPSTREAM_UNAVAILABLE,
            'the case could not be checked just now; retry with the same idempotencyKey',
          );
        }
        if (!found)
          throw evaluationError(
            EvaluationErrorCode.CASE_NOT_FOUND,
            'no case with that number and query code',
            'caseNumber',
          );
        const step = found.steps.find((s) => s.stepNo === input.stepNo);
        if (!step)
          throw platformError(
            PlatformErrorCode.VALIDATION_FAILED,
            `the case has steps 1-${found.steps.length}`,
            'stepNo',
          );
        if (!step.done)
          throw evaluationError(
            EvaluationErrorCode.STAGE_NOT_FINISHED,
            `step ${step.stepNo} (${step.name}) is not finished yet; rate it once it is`,
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
    v.check(input.postId === undefined || isUuid(input.postId), 'postId', 'must be a post id');
    v.throwIfAny();
    const keyHash = createHash('sha256').update(input.deviceKey).digest('hex');
    const [device]: { id: string; unit_code: string; department_id: string }[] = await this.ds.query(
      'SELECT id, unit_code, department_id FROM rating_device WHERE key_hash = $1',
      [keyHash],
    );
    if (!device) throw evaluationError(EvaluationErrorCode.DEVICE_NOT_FOUND, 'unknown device key', 'deviceKey');
    if (input.postId) {
      const post = await this.config.upstream.post(input.postId);
      if (!post || post.departmentId !== device.department_id)
        throw platformError(PlatformErrorCode.VALIDATION_FAILED, "must be a post of the device's department", 'postId');
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
      throw evaluationError(
        EvaluationErrorCode.ALREADY_RATED,
        'this stage of the case has already been rated',
        'stepNo',
      );
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
    scope.assertRole(principal, [Role.ADMIN], 'register rating devices');
    const v = new Validation();
    v.check(unitCode.isValid(input.unitCode), 'unitCode', 'must be a 12-digit division code');
    v.check(isUuid(input.departmentId), 'departmentId', 'must be a department id');
    v.check(input.name.trim().length >= 1 && input.name.length <= 100, 'name', 'must be 1-100 characters');
    v.throwIfAny();
    scope.assertCanRead(principal, input.unitCode, 'unitCode');
    const unit = await this.config.upstream.departmentUnit(input.departmentId);
    if (unit !== input.unitCode)
      throw evaluationError(
        EvaluationErrorCode.DEPARTMENT_NOT_FOUND,
        `no department ${input.departmentId} at unit ${input.unitCode}`,
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
