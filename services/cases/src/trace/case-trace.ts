import { chainedTrace } from '@sunlight/shared';
import type { CaseEventKind } from './case-event-kind';

/**
 * The case's append-only, hash-chained trace (全程留痕) in `case_event`, headed by the `"case"` row.
 * Appending requires the case row to be locked by the caller's transaction.
 */
export const caseTrace = chainedTrace<CaseEventKind>({
  eventTable: 'case_event',
  ownerTable: '"case"',
  ownerKey: 'caseId',
  ownerColumn: 'case_id',
});
