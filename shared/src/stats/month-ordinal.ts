const MONTH = /^(\d{4})-(\d{2})/;

/**
 * Calendar months as consecutive integers (year × 12 + month − 1), so that a run of months is a
 * range of numbers and a month is a cheap map key.
 */
export const monthOrdinal = {
  /** The month of `YYYY-MM` or `YYYY-MM-DD`. */
  of(month: string): number {
    const m = MONTH.exec(month);
    if (!m) throw new Error(`not a month: ${month}`);
    return Number(m[1]) * 12 + Number(m[2]) - 1;
  },
  /** `YYYY-MM` of an ordinal. */
  label(ordinal: number): string {
    return `${String(Math.floor(ordinal / 12)).padStart(4, '0')}-${String((ordinal % 12) + 1).padStart(2, '0')}`;
  },
};
