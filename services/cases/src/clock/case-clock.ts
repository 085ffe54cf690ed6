import type { WorkingCalendar } from '@sunlight/shared';
import type { CaseRow } from '../case/case-row';
import type { ClockState } from './cards-due';

/** A suspension of a case's clock. */
export interface Pause {
  from: Date;
  to: Date | null;
}

/** A case's clock now: elapsed working days of its step and of the case, against their limits. */
export interface CaseClock extends ClockState {
  /**
   * Local date (YYYY-MM-DD) the current step is due; null while the case is SUSPENDED, since a
   * stopped clock has no running deadline (the remaining working days, `stepLimit - stepElapsed`,
   * stay frozen until it resumes and the date is computed again from then).
   */
  stepDeadline: string | null;
  /**
   * True when the count from the step's start to its deadline reaches a year whose holidays are
   * not loaded: those days are counted Monday to Friday, so the date may move once it is loaded.
   */
  stepDeadlineProvisional: boolean;
  /** The years not loaded that the step's deadline needs (empty when none). */
  missingYears: number[];
  /** Working days the current step is past its limit (0 when on time). */
  stepOverdueDays: number;
}

/**
 * Computes a case's clock in working days from the calendar; suspended time does not count.
 * Limits include approved extensions.
 */
export function caseClock(c: CaseRow, pauses: readonly Pause[], calendar: WorkingCalendar, now: Date): CaseClock {
  const step = c.snapshot.flow[c.currentStep - 1]!;
  const stepLimit = step.timeLimitDays + c.stepExtensionDays;
  const caseLimit = c.snapshot.statutoryDays + c.caseExtensionDays;
  const stepElapsed = calendar.elapsedWorkingDays(c.stepStartedAt, now, pauses);
  const caseElapsed = calendar.elapsedWorkingDays(c.receivedAt, now, pauses);
  const remaining = stepLimit - stepElapsed;
  const stepDeadline =
    c.status === 'SUSPENDED'
      ? null
      : remaining > 0
        ? calendar.addWorkingDays(now, remaining)
        : calendar.addWorkingDays(c.stepStartedAt, stepLimit);
  // Suspended: the count so far still needs the years up to now.
  const missingYears = calendar.missingYears(c.stepStartedAt, stepDeadline ?? calendar.localDate(now));
  return {
    stepNo: c.currentStep,
    stepEntry: c.stepEntry,
    stepElapsed,
    stepLimit,
    caseElapsed,
    caseLimit,
    stepDeadline,
    stepDeadlineProvisional: stepDeadline !== null && missingYears.length > 0,
    missingYears,
    stepOverdueDays: Math.max(0, -remaining),
  };
}
