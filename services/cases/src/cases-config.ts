import type { TraceCheckpointLog, WorkingCalendar } from '@sunlight/shared';
import type { CardThresholds } from './clock/card-thresholds';
import type { CardNotifier } from './clock/card-notifier';
import type { PowersLookup } from './clients/powers-client';

/** What the cases service is built with, once per process. */
export interface CasesConfig {
  calendar: WorkingCalendar;
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
