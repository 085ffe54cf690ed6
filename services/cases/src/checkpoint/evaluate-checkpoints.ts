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
      return misconfigured(rule, [['kind', false, `"${String(rule.kind)}" is not a known kind`]]);
  }
}

function requiredAttachments(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  const { attachments } = rule.params;
  if (!isNameList(attachments)) return misconfigured(rule, [['attachments', false, 'must name at least one material']]);
  const present = new Set(facts.attachmentNames.map((name) => name.trim()));
  const missing = [...new Set(attachments.map((name) => name.trim()))].filter((name) => !present.has(name));
  if (missing.length === 0) return null;
  const list = missing.join('、');
  return violation(rule, `required attachments are missing: ${list}`, { missing: list });
}

function amountLimit(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  const { field, max } = rule.params;
  if (!isCnyField(field) || !isPositive(max)) {
    return misconfigured(rule, [
      ['field', isCnyField(field), `must name a CNY figure of the case (${Object.keys(CNY_FIELDS).join(', ')})`],
      ['max', isPositive(max), 'must be a positive number'],
    ]);
  }
  const amount = figure(facts.amounts[field]);
  if (amount === null)
    return violation(rule, `${field} is missing, so the limit of ${max} CNY cannot be checked`, { field, amount, max });
  if (amount <= max) return null;
  return violation(rule, `${field} of ${amount} CNY exceeds the limit of ${max} CNY`, { field, amount, max });
}

function paymentWithinProgress(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  const paidTotal = figure(facts.amounts.paidTotal) ?? 0;
  if (facts.payment === null && paidTotal <= 0) return null;
  const contractPrice = figure(facts.amounts.contractPrice);
  const progress = figure(facts.amounts.progress);
  if (contractPrice === null || progress === null) {
    const lacking = [contractPrice === null ? 'contract price' : null, progress === null ? 'progress' : null].filter(
      (x) => x !== null,
    );
    return violation(
      rule,
      `payments of ${paidTotal} CNY in total cannot be checked: the ${lacking.join(' and ')} ${lacking.length > 1 ? 'are' : 'is'} missing`,
      { paidTotal, contractPrice, progress, allowed: null },
    );
  }
  // A share beyond 0..1 is a data error; it must never allow paying more than the price.
  const allowed = contractPrice * Math.min(Math.max(progress, 0), 1);
  if (paidTotal <= allowed + TOLERANCE) return null;
  return violation(
    rule,
    `payments of ${paidTotal} CNY in total exceed ${cents(allowed)} CNY, the contract price of ${contractPrice} CNY times progress ${progress}`,
    { paidTotal, contractPrice, progress, allowed: cents(allowed) },
  );
}

function contractChangeLimit(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  const { max, maxRatio } = rule.params;
  if (!isPositive(max) || !isShare(maxRatio)) {
    return misconfigured(rule, [
      ['max', isPositive(max), 'must be a positive number'],
      ['maxRatio', isShare(maxRatio), 'must be a share between 0 and 1'],
    ]);
  }
  const change = facts.contractChange;
  if (change === null) return null;
  const withinSingle = Math.abs(change) <= max;
  if (!withinSingle)
    return violation(rule, `contract change of ${change} CNY exceeds the single-change limit of ${max} CNY`, {
      change,
      max,
    });

  // The total includes this change by definition; without a total, this change is all we know.
  const changeTotal = figure(facts.amounts.changeTotal) ?? Math.abs(change);
  const contractPrice = figure(facts.amounts.contractPrice);
  const ratio = `${cents(maxRatio * 100)}%`;
  if (contractPrice === null) {
    return violation(
      rule,
      `contract changes of ${changeTotal} CNY in total cannot be checked against the ${ratio} limit: the contract price is missing`,
      { changeTotal, contractPrice, maxRatio, allowed: null },
    );
  }
  const allowed = maxRatio * contractPrice;
  if (changeTotal <= allowed + TOLERANCE) return null;
  return violation(
    rule,
    `contract changes of ${changeTotal} CNY in total exceed ${cents(allowed)} CNY, ${ratio} of the contract price of ${contractPrice} CNY`,
    { changeTotal, contractPrice, maxRatio, allowed: cents(allowed) },
  );
}

function penaltyRange(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  const { min, max } = rule.params;
  if (!isNonNegative(min) || !isPositive(max) || min > max) {
    return misconfigured(rule, [
      ['min', isNonNegative(min), 'must be zero or more'],
      ['max', isPositive(max) && !(isNonNegative(min) && min > max), 'must be a positive number not below min'],
    ]);
  }
  const penalty = figure(facts.amounts.penalty);
  if (penalty === null)
    return violation(rule, `penalty is missing; it must lie between ${min} and ${max} CNY`, { penalty, min, max });
  if (penalty >= min && penalty <= max) return null;
  return violation(rule, `penalty of ${penalty} CNY lies outside the range of ${min} to ${max} CNY`, {
    penalty,
    min,
    max,
  });
}

function minDaysBetweenSteps(rule: CheckpointRule, facts: TransitionFacts): CheckpointViolation | null {
  const { fromStepNo, days: minDays } = rule.params;
  if (!isWhole(fromStepNo, 1) || fromStepNo >= rule.stepNo || !isWhole(minDays, 1)) {
    return misconfigured(rule, [
      ['fromStepNo', isWhole(fromStepNo, 1) && fromStepNo < rule.stepNo, 'must be an earlier step of the flow'],
      ['days', isWhole(minDays, 1), 'must be a whole number of working days, at least 1'],
    ]);
  }
  const days = facts.workingDaysSince(fromStepNo);
  const values = { fromStepNo, days, minDays };
  if (days === null)
    return violation(
      rule,
      `step ${fromStepNo} has not been finished, so the required ${minDays} working days since it have not passed`,
      values,
    );
  if (days >= minDays) return null;
  return violation(
    rule,
    `only ${days} working days have passed since step ${fromStepNo} was finished, at least ${minDays} are required`,
    values,
  );
}

function misconfigured(rule: CheckpointRule, checks: ParamCheck[]): CheckpointViolation {
  const failed = checks.filter(([, ok]) => !ok);
  const problems = failed.map(([name, , requirement]) =>
    name === 'kind' ? `kind ${requirement}` : `params.${name} ${requirement}`,
  );
  return violation(rule, `checkpoint ${rule.id} (${String(rule.kind)}) is misconfigured: ${problems.join('; ')}`, {
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
    message: basis.length > 0 ? `${message} (${basis})` : message,
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
