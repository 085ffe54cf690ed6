/** A case number (办件编号): the unit's 12-digit code, the year and a six-digit sequence. */
export function isCaseNumber(number: string): boolean {
  return /^\d{12}-\d{4}-\d{6}$/.test(number);
}
