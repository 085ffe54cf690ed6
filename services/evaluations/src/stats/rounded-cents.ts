/**
 * `round(x::numeric, 2) * 100` as PostgreSQL computes it, for ranking as the SQL path ranks: a
 * float8 becomes a numeric of 15 significant digits, then halves round away from zero. (Rounding
 * the binary value directly would differ at ties: 4.005 is stored as 4.00499….)
 */
export function roundedCents(x: number): number {
  const text = x.toPrecision(15);
  if (text.includes('e') || x < 0) return Math.round(x * 100);
  const [whole, fraction = ''] = text.split('.');
  const digits = fraction.padEnd(3, '0');
  return Number(whole) * 100 + Number(digits.slice(0, 2)) + (digits[2]! >= '5' ? 1 : 0);
}
