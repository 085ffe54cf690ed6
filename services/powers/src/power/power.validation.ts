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
  if (required && value.trim().length === 0) v.add(field, '必填');
  else if (value.length > max) v.add(field, `长度不得超过 ${max} 个字符`);
}

/** Checks a power code. */
export function checkPowerCode(v: Validation, code: string): void {
  v.check(CODE.test(code), 'code', '须为 2-40 个字母、数字或“-”');
}

function checkParams(v: Validation, field: string, kind: CheckpointKind, p: CheckpointParams, stepNo: number): void {
  const positive = (n: number | undefined, name: string) =>
    v.check(n !== undefined && Number.isFinite(n) && n > 0, `${field}.${name}`, '须为正数');
  switch (kind) {
    case CheckpointKind.REQUIRED_ATTACHMENTS:
      v.check(
        !!p.attachments && p.attachments.length > 0 && p.attachments.every((a) => a.trim().length > 0),
        `${field}.attachments`,
        '须至少列出一项材料',
      );
      return;
    case CheckpointKind.AMOUNT_LIMIT:
      v.check(
        !!p.field && /^[a-zA-Z][a-zA-Z0-9]{0,39}$/.test(p.field),
        `${field}.field`,
        '须写明金额字段名，如“amount”',
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
        '须为 0 到 1 之间的比例',
      );
      return;
    case CheckpointKind.PENALTY_RANGE:
      v.check(p.min !== undefined && p.min >= 0, `${field}.min`, '须不小于 0');
      positive(p.max, 'max');
      if (p.min !== undefined && p.max !== undefined && p.min > p.max) v.add(`${field}.max`, '不得小于下限（min）');
      return;
    case CheckpointKind.MIN_DAYS_BETWEEN_STEPS:
      v.check(
        p.fromStepNo !== undefined && Number.isInteger(p.fromStepNo) && p.fromStepNo >= 1 && p.fromStepNo < stepNo,
        `${field}.fromStepNo`,
        '须为流程中靠前的环节',
      );
      v.check(
        p.days !== undefined && Number.isInteger(p.days) && p.days >= 1,
        `${field}.days`,
        '须为整数个工作日，至少 1 个',
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
  v.check(!!dept && !dept.supervisory, 'departmentId', '须为本单位的业务部门（非监督部门）');
  // A step is handled by the unit's operational staff, never by its supervisory body.
  const postOk = (postId: string | null) => {
    if (postId === null) return true;
    const post = dir.posts.get(postId);
    return !!post && dir.departments.get(post.departmentId)?.supervisory === false;
  };
  v.check(
    c.postId === null || dir.posts.get(c.postId)?.departmentId === c.departmentId,
    'postId',
    '须为责任部门的岗位',
  );
  v.check(
    c.supervisorDepartmentId === null || dir.departments.get(c.supervisorDepartmentId)?.supervisory === true,
    'supervisorDepartmentId',
    '须为本单位的监督部门',
  );
  v.check(
    Number.isInteger(c.statutoryDays) && c.statutoryDays >= 1 && c.statutoryDays <= 3650,
    'statutoryDays',
    '须为 1-3650 个工作日',
  );
  v.check(
    Number.isInteger(c.promisedDays) && c.promisedDays >= 1 && c.promisedDays <= c.statutoryDays,
    'promisedDays',
    '须为 1 至法定时限（statutoryDays）之间的工作日数',
  );

  v.check(c.flow.length >= 1 && c.flow.length <= 30, 'flow', '须有 1-30 个环节');
  let total = 0;
  c.flow.forEach((s, i) => {
    text(v, s.name, `flow.${i}.name`, 100);
    v.check(Number.isInteger(s.timeLimitDays) && s.timeLimitDays >= 1, `flow.${i}.timeLimitDays`, '至少 1 个工作日');
    v.check(postOk(s.postId), `flow.${i}.postId`, '须为本单位业务部门（非监督部门）的岗位');
    total += s.timeLimitDays;
  });
  if (c.flow.length > 0)
    v.check(
      total <= c.promisedDays,
      'flow',
      `各环节时限合计 ${total} 个工作日，超过承诺时限（promisedDays）${c.promisedDays} 个工作日`,
    );

  const stepExists = (n: number | null) => n === null || (Number.isInteger(n) && n >= 1 && n <= c.flow.length);
  c.riskPoints.forEach((r, i) => {
    v.check([1, 2, 3].includes(r.level), `riskPoints.${i}.level`, '须为 1（红）、2（橙）或 3（黄）');
    v.check(stepExists(r.stepNo), `riskPoints.${i}.stepNo`, '须为流程中的环节');
    text(v, r.description, `riskPoints.${i}.description`, 1000);
    v.check(
      r.measures.length >= 1 && r.measures.every((m) => m.trim().length > 0),
      `riskPoints.${i}.measures`,
      '须至少有一项防控措施',
    );
  });
  c.efficiencyPoints.forEach((e, i) => {
    v.check(stepExists(e.stepNo), `efficiencyPoints.${i}.stepNo`, '须为流程中的环节');
    text(v, e.description, `efficiencyPoints.${i}.description`, 1000);
    v.check(
      e.timeLimitDays === null || (Number.isInteger(e.timeLimitDays) && e.timeLimitDays >= 1),
      `efficiencyPoints.${i}.timeLimitDays`,
      '至少为 1',
    );
  });
  c.checkpoints.forEach((k, i) => {
    v.check(stepExists(k.stepNo), `checkpoints.${i}.stepNo`, '须为流程中的环节');
    text(v, k.legalBasis, `checkpoints.${i}.legalBasis`);
    checkParams(v, `checkpoints.${i}.params`, k.kind, k.params, k.stepNo);
  });
  v.throwIfAny();
}
