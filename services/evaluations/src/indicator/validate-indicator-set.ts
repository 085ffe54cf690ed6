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
      report(field, `代码“${code}”须为 1-20 个大写字母、数字或“-”`);
      return;
    }
    const first = codes.get(code);
    if (first === undefined) codes.set(code, field);
    else report(field, `代码“${code}”已在 ${first} 使用`);
  };
  const checkName = (field: string, name: string): void => {
    if (name.trim() === '') report(field, '名称不能为空');
    else if ([...name].length > MAX_NAME_LENGTH) report(field, `名称不得超过 ${MAX_NAME_LENGTH} 个字符`);
  };
  const checkWeight = (field: string, weight: number): boolean => {
    if (Number.isFinite(weight) && weight > 0 && weight <= 1) return true;
    report(field, `权重须为 (0, 1] 区间内的数，实为 ${weight}`);
    return false;
  };
  const checkSum = (field: string, what: string, weights: number[]): void => {
    const sum = weights.reduce((total, w) => total + w, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) report(field, `${what}权重之和须为 1，实为 ${formatSum(sum)}`);
  };

  checkName('name', content.name);
  const { aspects } = content;
  if (aspects.length < 1 || aspects.length > MAX_ASPECTS) {
    report('aspects', `须有 1 至 ${MAX_ASPECTS} 个评价方面，实有 ${aspects.length} 个`);
  }
  let aspectWeightsValid = true;
  aspects.forEach((aspect, a) => {
    const at = `aspects.${a}`;
    checkCode(`${at}.code`, aspect.code);
    checkName(`${at}.name`, aspect.name);
    aspectWeightsValid = checkWeight(`${at}.weight`, aspect.weight) && aspectWeightsValid;
    const { indicators } = aspect;
    if (indicators.length < 1 || indicators.length > MAX_INDICATORS) {
      report(`${at}.indicators`, `须有 1 至 ${MAX_INDICATORS} 项指标，实有 ${indicators.length} 项`);
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
        '各项指标',
        indicators.map((indicator) => indicator.weight),
      );
    }
  });
  if (aspects.length > 0 && aspectWeightsValid) {
    checkSum(
      'aspects',
      '各评价方面',
      aspects.map((aspect) => aspect.weight),
    );
  }
  return problems;
}

// Enough digits to show why a sum was rejected, without float noise like 0.30000000000000004.
function formatSum(sum: number): string {
  return String(Number(sum.toPrecision(10)));
}
