import type { CaseAmounts } from './case-amounts';

/** What the checkpoints of a step look at when a case leaves that step. */
export interface TransitionFacts {
  /** The step being left. */
  stepNo: number;
  /** Names of every attachment on the case so far, this transition's included. */
  attachmentNames: readonly string[];
  /** The case's amounts after this transition's changes are applied. */
  amounts: CaseAmounts;
  /** The contract change made in this transition (signed CNY), null if none. */
  contractChange: number | null;
  /** The payment made in this transition (CNY), null if none. */
  payment: number | null;
  /** Working days since step `stepNo` was finished; null if it has not been finished. */
  workingDaysSince: (stepNo: number) => number | null;
}
