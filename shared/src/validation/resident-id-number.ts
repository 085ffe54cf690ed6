/** ISO 7064 MOD 11-2 weights of the first 17 digits (2^(17-i) mod 11), as GB 11643-1999 gives them. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** The check character for each remainder of the weighted sum mod 11. */
const CHECK = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** The GB 11643-1999 check character of the first 17 digits of `body`. */
export function residentIdCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/**
 * Is `value` a resident ID number (公民身份号码, GB 11643-1999): 17 digits and a check character
 * (a digit or X, ISO 7064 MOD 11-2), with a real birth date (YYYYMMDD from the 7th character,
 * from 1900 on)? Upper case only: callers upper-case input first.
 */
export function isResidentIdNumber(value: string): boolean {
  if (!SHAPE.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const realDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  return year >= 1900 && realDate && residentIdCheckCharacter(value) === value[17];
}
