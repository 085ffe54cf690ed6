/** A mainland mobile number, optionally with the country code: 1[3-9] and 9 more digits. */
const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
/**
 * A landline with its area code: 0 and 2-3 digits (010, 0318), a 7-8 digit number not starting
 * with 0 or 1, and an optional extension; the area code may be in parentheses or followed by "-".
 */
const LANDLINE = /^(?:0\d{2,3}-?|\(0\d{2,3}\))[2-9]\d{6,7}(?:-\d{1,6})?$/;

/**
 * Is `value` a phone number a person in mainland China can be called on: a mobile number
 * (`13812345678`, `+86 13812345678`) or a landline with its area code (`0318-1234567`,
 * `(010)12345678`, `031812345678-801`)?
 */
export function isPhoneNumber(value: string): boolean {
  return MOBILE.test(value) || LANDLINE.test(value);
}
