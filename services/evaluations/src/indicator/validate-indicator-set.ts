import type { IndicatorSetContent } from './indicator-set-content';

/** What is wrong with an indicator set; `field` is a 0-based path such as `aspects.2.indicators.0.weight`. */
export interface IndicatorSetProblem {
  field: string;
  message: string;
}

const MAX_ASPECTS = 10;
const MAX_INDICATORS = 20;
const MAX_NAME_LENGTH = 200;
const CODE_PATTERN = /^[A-Z0-9-]{1,20}$/;
const SUM_TOLERANCE = 1e-6;

/** Every problem with `content`; an empty list means the set can be used. */
export function indicatorSetProblems(content: IndicatorSetContent): IndicatorSetProblem[] {
  const problems: IndicatorSetProblem[] = [];
  const report = (field: string, message: string): void => {
    problems.push({ field, message });
  };
  // code -> field of its first occurrence; aspect and indicator codes share one namespace
  const codes = new Map<string, string>();
  const checkCode = (field: string, code: string): void => {
    if (!CODE_PATTERN.test(code)) {
      report(field, `code "${code}" must be 1-20 characters of A-Z, 0-9 and "-"`);
      return;
    }
    const first = codes.get(code);
    if (first === undefined) codes.set(code, field);
    else report(field, `code "${code}" is already used at ${first}`);
  };
  const checkName = (field: string, name: string): void => {
    if (name.trim() === '') report(field, 'name must not be empty');
    else if ([...name].length > MAX_NAME_LENGTH) report(field, `name must be at most ${MAX_NAME_LENGTH} characters`);
  };
  const checkWeight = (field: string, weight: number): boolean => {
    if (Number.isFinite(weight) && weight > 0 && weight <= 1) return true;
    report(field, `weight must be a finite number in (0, 1], got ${weight}`);
    return false;
  };
  const checkSum = (field: string, what: string, weights: number[]): void => {
    const sum = weights.reduce((total, w) => total + w, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) report(field, `${what} weights must sum to 1, got ${formatSum(sum)}`);
  };

  checkName('name', content.name);
  const { aspects } = content;
  if (aspects.length < 1 || aspects.length > MAX_ASPECTS) {
    report('aspects', `must have 1 to ${MAX_ASPECTS} aspects, got ${aspects.length}`);
  }
  let aspectWeightsValid = true;
  aspects.forEach((aspect, a) => {
    const at = `aspects.${a}`;
    checkCode(`${at}.code`, aspect.code);
    checkName(`${at}.name`, aspect.name);
    aspectWeightsValid = checkWeight(`${at}.weight`, aspect.weight) && aspectWeightsValid;
    const { indicators } = aspect;
    if (indicators.length < 1 || indicators.length > MAX_INDICATORS) {
      report(`${at}.indicators`, `must have 1 to ${MAX_INDICATORS} indicators, got ${indicators.length}`);
    }
    let indicatorWeightsValid = true;
    indicators.forEach((indicator, i) => {
      const field = `${at}.indicators.${i}`;
      checkCode(`${field}.code`, indicator.code);
      checkName(`${field}.name`, indicator.name);
      indicatorWeightsValid = checkWeight(`${field}.weight`, indicator.weight) && indicatorWeightsValid;
    });
    // a sum is only meaningful once every weight in it is valid
    if (indicators.length > 0 && indicatorWeightsValid) {
      checkSum(
        `${at}.indicators`,
        'indicator',
        indicators.map((indicator) => indicator.weight),
      );
    }
  });
  if (aspects.length > 0 && aspectWeightsValid) {
    checkSum(
      'aspects',
      'aspect',
      aspects.map((aspect) => aspect.weight),
    );
  }
  return problems;
}

// Enough digits to show why a sum was rejected, without float noise like 0.30000000000000004.
function formatSum(sum: number): string {
  return String(Number(sum.toPrecision(10)));
}
