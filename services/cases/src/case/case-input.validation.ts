import { isPhoneNumber, isResidentIdNumber, type Validation } from '@sunlight/shared';
import type { CaseAmounts } from '../checkpoint/case-amounts';
import type { AmountsInput, ApplicantInput } from './case.input';

/** A resident ID number's shape: 17 digits and a check character; such a number must pass GB 11643. */
const RESIDENT_ID_SHAPE = /^\d{17}[\dX]$/;
/** A unified social credit code (统一社会信用代码) of a business applicant: 18 of its characters. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
/** Another document (passport, travel permit): 6-15 letters or digits, at least 6 of them digits. */
const OTHER_DOCUMENT = /^(?=(?:[A-Z]*\d){6})[A-Z0-9]{6,15}$/;

/**
 * Is `value` (upper-cased) an identity document number: a resident ID number with a valid check
 * character and birth date (GB 11643-1999), a business's unified social credit code, or another
 * document's number? A number shaped like a resident ID number is always held to GB 11643.
 */
export function isIdentityDocumentNumber(value: string): boolean {
  if (RESIDENT_ID_SHAPE.test(value)) return isResidentIdNumber(value);
  return CREDIT_CODE.test(value) || OTHER_DOCUMENT.test(value);
}

/** Checks the applicant's identity fields. */
export function checkApplicant(v: Validation, a: ApplicantInput): void {
  v.check(a.name.trim().length >= 1 && a.name.length <= 50, 'applicant.name', '长度须为 1-50 个字符');
  v.check(
    isIdentityDocumentNumber(a.idNumber.toUpperCase()),
    'applicant.idNumber',
    '应为校验码正确的 18 位公民身份号码、统一社会信用代码，或 6-15 位的其他证件号码',
  );
  v.check(
    isPhoneNumber(a.phone),
    'applicant.phone',
    '应为 11 位手机号码（如 13812345678）或带区号的固定电话（如 0318-2345678）',
  );
}

/** Checks free text: required, at most `max` characters. */
export function checkText(v: Validation, value: string, field: string, max = 2000): void {
  v.check(value.trim().length >= 1, field, '必填');
  v.check(value.length <= max, field, `长度不得超过 ${max} 个字符`);
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
    v.check(Number.isFinite(value) && value >= 0 && value <= 1e12, `${field}.${key}`, '须在 0 至 1000000000000 元之间');
    out[key] = value;
  }
  if (input.progress !== undefined && input.progress !== null) {
    v.check(input.progress >= 0 && input.progress <= 1, `${field}.progress`, '须为 0 到 1 之间的比例');
    out.progress = input.progress;
  }
  return out;
}
