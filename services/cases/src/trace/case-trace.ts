import { chainedTrace } from '@sunlight/shared';
import type { CaseEventKind } from './case-event-kind';

/** Where the case trace lives; its checkpoint log reads the same tables. */
export const CASE_TRACE_TABLES = {
  eventTable: 'case_event',
  ownerTable: '"case"',
  ownerColumn: 'case_id',
} as const;

/**
 * The case's append-only, hash-chained trace (全程留痕) in `case_event`, headed by the `"case"` row.
 * Appending requires the case row to be locked by the caller's transaction.
 */
export const caseTrace = chainedTrace<CaseEventKind>({ ...CASE_TRACE_TABLES, ownerKey: 'caseId' });
