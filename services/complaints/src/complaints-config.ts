import type { TraceCheckpointLog, WorkingCalendar } from '@sunlight/shared';
import type { KnownUnits } from './clients/known-units';
import type { IdentityCipher } from './identity/identity-cipher';

/** Handling time limits in working days (defaults from the issue: 15 to accept, 60 to conclude, +30 once). */
export interface ComplaintLimits {
  acceptDays: number;
  concludeDays: number;
  extensionDays: number;
  /** Working days past a limit before the complaint escalates to the tier above. */
  escalateAfterDays: number;
}

/** What the complaints service is built with, once per process. */
export interface ComplaintsConfig {
  /** The shared working calendar as last loaded: read it at each use (a load replaces it without a restart). */
  readonly calendar: WorkingCalendar;
  /** Tells the city's admins, once per year, that a clock needed a year the calendar lacks. */
  calendarGaps: { report(years: readonly number[], unit: string): Promise<void> };
  cipher: IdentityCipher;
  limits: ComplaintLimits;
  /** Cases filed in each unit's subtree in a period, for "per 10,000 cases"; missing when unavailable. */
  casesFiled(unitCodes: string[], from: Date, to: Date): Promise<Map<string, number>>;
  /** Which unit codes are units of the city: a complaint's accused unit must be one. */
  knownUnits: KnownUnits;
  now: () => Date;
  /** The signed checkpoint log over every complaint's trace head. */
  checkpoints: TraceCheckpointLog;
}
