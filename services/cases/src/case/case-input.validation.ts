import type { Validation } from '@sunlight/shared';
import type { CaseAmounts } from '../checkpoint/case-amounts';
import type { AmountsInput, ApplicantInput } from './case.input';

const ID_NUMBER = /^(\d{17}[\dXx]|[A-Za-z0-9]{5,20})$/;
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** Checks the applicant's identity fields. */
export function checkApplicant(v: Validation, a: ApplicantInput): void {
  v.check(a.name.trim().length >= 1 && a.name.length <= 50, 'applicant.name', 'must be 1-50 characters');
  v.check(
    ID_NUMBER.test(a.idNumber),
    'applicant.idNumber',
    'must be an 18-character resident ID number or a 5-20 character document number',
  );
  v.check(PHONE.test(a.phone), 'applicant.phone', 'must be an 11-digit mobile or a landline number like 0318-1234567');
}

/** Checks free text: required, at most `max` characters. */
export function checkText(v: Validation, value: string, field: string, max = 2000): void {
  v.check(value.trim().length >= 1, field, 'is required');
  v.check(value.length <= max, field, `must be at most ${max} characters`);
}

/** Checks amounts and merges them onto `into`. */
export function mergeAmounts(
  v: Validation,
  input: AmountsInput | undefined,
  into: CaseAmounts,
  field = 'amounts',
): CaseAmounts {
  const out: CaseAmounts = { ...into };
  if (!input) return out;
  for (const key of ['contractPrice', 'amount', 'penalty'] as const) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    v.check(
      Number.isFinite(value) && value >= 0 && value <= 1e12,
      `${field}.${key}`,
      'must be between 0 and 1,000,000,000,000 CNY',
    );
    out[key] = value;
  }
  if (input.progress !== undefined && input.progress !== null) {
    v.check(input.progress >= 0 && input.progress <= 1, `${field}.progress`, 'must be a share between 0 and 1');
    out.progress = input.progress;
  }
  return out;
}
