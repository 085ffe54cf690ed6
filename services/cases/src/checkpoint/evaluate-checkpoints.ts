import type { CheckpointViolation } from '@sunlight/shared';
import type { CaseAmounts } from './case-amounts';
import type { CheckpointRule } from './checkpoint-rule';
import type { TransitionFacts } from './transition-facts';

/** Sums computed in floating point may be off by less than half a fen. */
const TOLERANCE = 0.005;

/** The figures an AMOUNT_LIMIT may name: every CNY figure of a case (progress is a share). */
const CNY_FIELDS = {
  contractPrice: true,
  amount: true,
  penalty: true,
  paidTotal: true,
  changeTotal: true,
} satisfies Record<Exclude<keyof CaseAmounts, 'progress'>, true>;
type CnyField = keyof typeof CNY_FIELDS;

/** Each CNY figure as a message names it. */
const CNY_LABELS: Record<CnyField, string> = {
  contractPrice: '合同价款',
  amount: '金额',
  penalty: '罚款金额',
  paidTotal: '累计支付金额',
  changeTotal: '累计合同变更金额',
};

type Values = CheckpointViolation['values'];
/** A param's name, whether it is valid, and what it must be. */
type ParamCheck = [name: string, ok: boolean, requirement: string];

/**
 * Checks the checkpoints of the step a case is leaving (rules of other steps are ignored) and
 * returns every violation in rule order; an empty list lets the case through. A rule whose
 * params are unusable is reported as misconfigured rather than passed.
 */
export function evaluateCheckpoints(rules: readonly CheckpointRule[], facts: TransitionFacts): CheckpointViolation[] {
  const violations: CheckpointViolation[] = [];
  for (const rule of rules) {
    if (rule.stepNo !== facts.stepNo) continue;
    const violation = evaluate(rule, facts);
    if (violation) violations.push(violation);
  }
  return violations;
}

function evaluate(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  switch (rule.kind) {
    case 'REQUIRED_ATTACHMENTS':
      return requiredAttachments(rule, facts);
    case 'AMOUNT_LIMIT':
      return amountLimit(rule, facts);
    case 'PAYMENT_WITHIN_PROGRESS':
      return paymentWithinProgress(rule, facts);
    case 'CONTRACT_CHANGE_LIMIT':
      return contractChangeLimit(rule, facts);
    case 'PENALTY_RANGE':
      return penaltyRange(rule, facts);
    case 'MIN_DAYS_BETWEEN_STEPS':
      return minDaysBetweenSteps(rule, facts);
    default:
      // Rules come from stored snapshots: a kind this service does not know must not pass.
      return misconfigured(rule, [['kind', false, `“${String(rule.kind)}”不是已知的关卡类型`]]);
  }
}

function requiredAttachments(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  const { attachments } = rule.params;
  if (!isNameList(attachments)) return misconfigured(rule, [['attachments', false, '须至少列出一项材料']]);
  const present = new Set(facts.attachmentNames.map((name) => name.trim()));
  const missing = [...new Set(attachments.map((name) => name.trim()))].filter((name) => !present.has(name));
  if (missing.length === 0) return null;
  const list = missing.join('、');
  return violation(rule, `缺少必须提交的材料：${list}`, { missing: list });
}

function amountLimit(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  const { field, max } = rule.params;
  if (!isCnyField(field) || !isPositive(max)) {
    return misconfigured(rule, [
      ['field', isCnyField(field), `须为办件的人民币金额字段（${Object.keys(CNY_FIELDS).join('、')}）之一`],
      ['max', isPositive(max), '须为正数'],
    ]);
  }
  const amount = figure(facts.amounts[field]);
  if (amount === null)
    return violation(rule, `未填写${CNY_LABELS[field]}，无法核对 ${max} 元的上限`, { field, amount, max });
  if (amount <= max) return null;
  return violation(rule, `${CNY_LABELS[field]} ${amount} 元超过上限 ${max} 元`, { field, amount, max });
}

function paymentWithinProgress(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  const paidTotal = figure(facts.amounts.paidTotal) ?? 0;
  if (facts.payment === null && paidTotal <= 0) return null;
  const contractPrice = figure(facts.amounts.contractPrice);
  const progress = figure(facts.amounts.progress);
  if (contractPrice === null || progress === null) {
    const lacking = [contractPrice === null ? '合同价款' : null, progress === null ? '工程进度' : null].filter(
      (x) => x !== null,
    );
    return violation(rule, `累计支付 ${paidTotal} 元无法核对：未填写${lacking.join('和')}`, {
      paidTotal,
      contractPrice,
      progress,
      allowed: null,
    });
  }
  // A share beyond 0..1 is a data error; it must never allow paying more than the price.
  const allowed = contractPrice * Math.min(Math.max(progress, 0), 1);
  if (paidTotal <= allowed + TOLERANCE) return null;
  return violation(
    rule,
    `累计支付 ${paidTotal} 元超过可支付上限 ${cents(allowed)} 元（合同价款 ${contractPrice} 元 × 工程进度 ${progress}）`,
    { paidTotal, contractPrice, progress, allowed: cents(allowed) },
  );
}

function contractChangeLimit(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  const { max, maxRatio } = rule.params;
  if (!isPositive(max) || !isShare(maxRatio)) {
    return misconfigured(rule, [
      ['max', isPositive(max), '须为正数'],
      ['maxRatio', isShare(maxRatio), '须为 0 到 1 之间的比例'],
    ]);
  }
  const change = facts.contractChange;
  if (change === null) return null;
  const withinSingle = Math.abs(change) <= max;
  if (!withinSingle)
    return violation(rule, `合同变更金额 ${change} 元超过单次变更上限 ${max} 元`, {
      change,
      max,
    });

  // The total includes this change by definition; without a total, this change is all we know.
  const changeTotal = figure(facts.amounts.changeTotal) ?? Math.abs(change);
  const contractPrice = figure(facts.amounts.contractPrice);
  const ratio = `${cents(maxRatio * 100)}%`;
  if (contractPrice === null) {
    return violation(rule, `累计合同变更 ${changeTotal} 元无法按 ${ratio} 的比例上限核对：未填写合同价款`, {
      changeTotal,
      contractPrice,
      maxRatio,
      allowed: null,
    });
  }
  const allowed = maxRatio * contractPrice;
  if (changeTotal <= allowed + TOLERANCE) return null;
  return violation(
    rule,
    `累计合同变更 ${changeTotal} 元超过 ${cents(allowed)} 元，即合同价款 ${contractPrice} 元的 ${ratio}`,
    { changeTotal, contractPrice, maxRatio, allowed: cents(allowed) },
  );
}

function penaltyRange(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  const { min, max } = rule.params;
  if (!isNonNegative(min) || !isPositive(max) || min > max) {
    return misconfigured(rule, [
      ['min', isNonNegative(min), '须不小于 0'],
      ['max', isPositive(max) && !(isNonNegative(min) && min > max), '须为不小于下限（min）的正数'],
    ]);
  }
  const penalty = figure(facts.amounts.penalty);
  if (penalty === null)
    return violation(rule, `未填写罚款金额，罚款须在 ${min} 至 ${max} 元之间`, { penalty, min, max });
  if (penalty >= min && penalty <= max) return null;
  return violation(rule, `罚款金额 ${penalty} 元不在 ${min} 至 ${max} 元的范围内`, {
    penalty,
    min,
    max,
  });
}

function minDaysBetweenSteps(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  const { fromStepNo, days: minDays } = rule.params;
  if (!isWhole(fromStepNo, 1) || fromStepNo >= rule.stepNo || !isWhole(minDays, 1)) {
    return misconfigured(rule, [
      ['fromStepNo', isWhole(fromStepNo, 1) && fromStepNo < rule.stepNo, '须为流程中靠前的环节'],
      ['days', isWhole(minDays, 1), '须为整数个工作日，至少 1 个'],
    ]);
  }
  const days = facts.workingDaysSince(fromStepNo);
  const values = { fromStepNo, days, minDays };
  if (days === null)
    return violation(rule, `第${fromStepNo}步尚未办结，须在其办结满 ${minDays} 个工作日后才能进入下一步`, values);
  if (days >= minDays) return null;
  return violation(rule, `第${fromStepNo}步办结后仅过 ${days} 个工作日，须满 ${minDays} 个工作日`, values);
}

function misconfigured(rule: CheckpointRule, checks: ParamCheck[]): CheckpointViolation {
  const failed = checks.filter(([, ok]) => !ok);
  const problems = failed.map(([name, , requirement]) =>
    name === 'kind' ? `类型${requirement}` : `参数 ${name} ${requirement}`,
  );
  return violation(rule, `电子关卡 ${rule.id}（${String(rule.kind)}）配置有误：${problems.join('；')}`, {
    invalidParams: failed.map(([name]) => name).join(', '),
  });
}

function violation(rule: CheckpointRule, message: string, values: Values): CheckpointViolation {
  const basis = rule.legalBasis.trim();
  return {
    checkpointId: rule.id,
    kind: rule.kind,
    legalBasis: rule.legalBasis,
    description: rule.description,
    message: basis.length > 0 ? `${message}（${basis}）` : message,
    values,
  };
}

/** A stored figure, or null when it is absent or not a finite number. */
function figure(value: unknown): number | null {
  return isNumber(value) ? value : null;
}

function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

function isNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

function isPositive(n: unknown): n is number {
  return isNumber(n) && n > 0;
}

function isNonNegative(n: unknown): n is number {
  return isNumber(n) && n >= 0;
}

function isShare(n: unknown): n is number {
  return isNumber(n) && n > 0 && n <= 1;
}

function isWhole(n: unknown, min: number): n is number {
  return isNumber(n) && Number.isInteger(n) && n >= min;
}

function isCnyField(field: unknown): field is CnyField {
  return typeof field === 'string' && Object.hasOwn(CNY_FIELDS, field);
}

function isNameList(names: unknown): names is string[] {
  return (
    Array.isArray(names) &&
    names.length > 0 &&
    names.every((name) => typeof name === 'string' && name.trim().length > 0)
  );
}
