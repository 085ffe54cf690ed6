/** The money figures of a case (CNY unless noted); a figure not yet known is absent. */
export interface CaseAmounts {
  /** The contract price as signed; contract changes do not alter it, they add to `changeTotal`. */
  contractPrice?: number;
  /** The amount the case decides on (a grant, a purchase, a fee). */
  amount?: number;
  /** The penalty decided. */
  penalty?: number;
  /** The completed share of the work as confirmed by the supervisor, 0..1. */
  progress?: number;
  /** All payments made so far. */
  paidTotal?: number;
  /** The sum of the absolute contract changes so far, this transition included. */
  changeTotal?: number;
}
