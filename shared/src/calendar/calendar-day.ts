/**
 * An exception to the Monday-to-Friday rule on one date: a public holiday on a weekday
 * (`working: false`) or a make-up working day on a weekend (调休上班, `working: true`).
 * Listing a date whose status equals the rule (a holiday on a weekend) is allowed and harmless.
 */
export interface CalendarDay {
  /** The local calendar date, `YYYY-MM-DD`. */
  date: string;
  /** Whether the date is a working day. */
  working: boolean;
  /** Why, in Chinese: '春节', '春节调休上班'. */
  note: string;
}
