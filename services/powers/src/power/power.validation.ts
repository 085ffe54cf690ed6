import { CheckpointKind, Validation, type CheckpointParams } from '@sunlight/shared';
import type { Department } from '../unit/department.entity';
import type { Post } from '../unit/post.entity';
import type { PowerContent } from './power-content';

/** The departments and posts of the power's unit, to check references against. */
export interface UnitDirectory {
  departments: Map<string, Department>;
  posts: Map<string, Post>;
}

const CODE = /^[A-Za-z0-9-]{2,40}$/;
const MAX_TEXT = 4000;

function text(v: Validation, value: string, field: string, max = MAX_TEXT, required = true): void {
  if (required && value.trim().length === 0) v.add(field, 'is required');
  else if (value.length > max) v.add(field, `must be at most ${max} characters`);
}

/** Checks a power code. */
export function checkPowerCode(v: Validation, code: string): void {
  v.check(CODE.test(code), 'code', 'must be 2-40 letters, digits or "-"');
}

function checkParams(v: Validation, field: string, kind: CheckpointKind, p: CheckpointParams, stepNo: number): void {
  const positive = (n: number | undefined, name: string) =>
    v.check(n !== undefined && Number.isFinite(n) && n > 0, `${field}.${name}`, 'must be a positive number');
  switch (kind) {
    case CheckpointKind.REQUIRED_ATTACHMENTS:
      v.check(
        !!p.attachments && p.attachments.length > 0 && p.attachments.every((a) => a.trim().length > 0),
        `${field}.attachments`,
        'must name at least one material',
      );
      return;
    case CheckpointKind.AMOUNT_LIMIT:
      v.check(
        !!p.field && /^[a-zA-Z][a-zA-Z0-9]{0,39}$/.test(p.field),
        `${field}.field`,
        'must name the amount field, e.g. "amount"',
      );
      positive(p.max, 'max');
      return;
    case CheckpointKind.PAYMENT_WITHIN_PROGRESS:
      return;
    case CheckpointKind.CONTRACT_CHANGE_LIMIT:
      positive(p.max, 'max');
      v.check(
        p.maxRatio !== undefined && p.maxRatio > 0 && p.maxRatio <= 1,
        `${field}.maxRatio`,
        'must be a share between 0 and 1',
      );
      return;
    case CheckpointKind.PENALTY_RANGE:
      v.check(p.min !== undefined && p.min >= 0, `${field}.min`, 'must be zero or more');
      positive(p.max, 'max');
      if (p.min !== undefined && p.max !== undefined && p.min > p.max) v.add(`${field}.max`, 'must not be below min');
      return;
    case CheckpointKind.MIN_DAYS_BETWEEN_STEPS:
      v.check(
        p.fromStepNo !== undefined && Number.isInteger(p.fromStepNo) && p.fromStepNo >= 1 && p.fromStepNo < stepNo,
        `${field}.fromStepNo`,
        'must be an earlier step of the flow',
      );
      v.check(
        p.days !== undefined && Number.isInteger(p.days) && p.days >= 1,
        `${field}.days`,
        'must be a whole number of working days, at least 1',
      );
      return;
  }
}

/**
 * Validates a power's whole content against its unit's departments and posts, collecting every
 * problem with its field path: list positions count from 0 as in the input (`flow.0.timeLimitDays`
 * is the first step's limit). Throws VALIDATION_FAILED.
 */
export function validatePowerContent(c: PowerContent, dir: UnitDirectory): void {
  const v = new Validation();
  text(v, c.name, 'name', 200);
  text(v, c.legalBasis, 'legalBasis');
  text(v, c.conditions, 'conditions', MAX_TEXT, false);
  text(v, c.fees, 'fees', 1000, false);
  const dept = dir.departments.get(c.departmentId);
  v.check(!!dept && !dept.supervisory, 'departmentId', 'must be a non-supervisory department of the unit');
  // A step is handled by the unit's operational staff, never by its supervisory body.
  const postOk = (postId: string | null) => {
    if (postId === null) return true;
    const post = dir.posts.get(postId);
    return !!post && dir.departments.get(post.departmentId)?.supervisory === false;
  };
  v.check(
    c.postId === null || dir.posts.get(c.postId)?.departmentId === c.departmentId,
    'postId',
    'must be a post of the responsible department',
  );
  v.check(
    c.supervisorDepartmentId === null || dir.departments.get(c.supervisorDepartmentId)?.supervisory === true,
    'supervisorDepartmentId',
    'must be a supervisory department of the unit',
  );
  v.check(
    Number.isInteger(c.statutoryDays) && c.statutoryDays >= 1 && c.statutoryDays <= 3650,
    'statutoryDays',
    'must be 1-3650 working days',
  );
  v.check(
    Number.isInteger(c.promisedDays) && c.promisedDays >= 1 && c.promisedDays <= c.statutoryDays,
    'promisedDays',
    'must be at least 1 and at most statutoryDays',
  );

  v.check(c.flow.length >= 1 && c.flow.length <= 30, 'flow', 'must have 1-30 steps');
  let total = 0;
  c.flow.forEach((s, i) => {
    text(v, s.name, `flow.${i}.name`, 100);
    v.check(
      Number.isInteger(s.timeLimitDays) && s.timeLimitDays >= 1,
      `flow.${i}.timeLimitDays`,
      'must be at least 1 working day',
    );
    v.check(postOk(s.postId), `flow.${i}.postId`, 'must be a post of a non-supervisory department of the unit');
    total += s.timeLimitDays;
  });
  if (c.flow.length > 0)
    v.check(
      total <= c.promisedDays,
      'flow',
      `step limits add up to ${total} working days, more than promisedDays (${c.promisedDays})`,
    );

  const stepExists = (n: number | null) => n === null || (Number.isInteger(n) && n >= 1 && n <= c.flow.length);
  c.riskPoints.forEach((r, i) => {
    v.check([1, 2, 3].includes(r.level), `riskPoints.${i}.level`, 'must be 1 (red), 2 (orange) or 3 (yellow)');
    v.check(stepExists(r.stepNo), `riskPoints.${i}.stepNo`, 'must be a step of the flow');
    text(v, r.description, `riskPoints.${i}.description`, 1000);
    v.check(
      r.measures.length >= 1 && r.measures.every((m) => m.trim().length > 0),
      `riskPoints.${i}.measures`,
      'needs at least one prevention measure',
    );
  });
  c.efficiencyPoints.forEach((e, i) => {
    v.check(stepExists(e.stepNo), `efficiencyPoints.${i}.stepNo`, 'must be a step of the flow');
    text(v, e.description, `efficiencyPoints.${i}.description`, 1000);
    v.check(
      e.timeLimitDays === null || (Number.isInteger(e.timeLimitDays) && e.timeLimitDays >= 1),
      `efficiencyPoints.${i}.timeLimitDays`,
      'must be at least 1',
    );
  });
  c.checkpoints.forEach((k, i) => {
    v.check(stepExists(k.stepNo), `checkpoints.${i}.stepNo`, 'must be a step of the flow');
    text(v, k.legalBasis, `checkpoints.${i}.legalBasis`);
    checkParams(v, `checkpoints.${i}.params`, k.kind, k.params, k.stepNo);
  });
  v.throwIfAny();
}
