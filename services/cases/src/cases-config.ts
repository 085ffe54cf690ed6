import type { TraceCheckpointLog, WorkingCalendar } from '@sunlight/shared';
import type { CardThresholds } from './clock/card-thresholds';
import type { CardNotifier } from './clock/card-notifier';
import type { PowersLookup } from './clients/powers-client';

/** What the cases service is built with, once per process. */
export interface CasesConfig {
  /** The shared working calendar as last loaded: read it at each use (a load replaces it without a restart). */
  readonly calendar: WorkingCalendar;
  /** Tells the city's admins, once per year, that a clock needed a year the calendar lacks. */
  calendarGaps: { report(years: readonly number[], unit: string): Promise<void> };
  /** Key that derives each case's query code (HMAC); rotating it invalidates issued codes. */
  queryCodeKey: Uint8Array;
  powers: PowersLookup;
  thresholds: CardThresholds;
  notifier: CardNotifier;
  /** The time; injected in tests. */
  now: () => Date;
  /** The signed checkpoint log over every case's trace head. */
  checkpoints: TraceCheckpointLog;
}
