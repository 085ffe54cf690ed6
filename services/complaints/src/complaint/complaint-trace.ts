import { chainedTrace } from '@sunlight/shared';

/** Where the complaint trace lives; its checkpoint log reads the same tables. */
export const COMPLAINT_TRACE_TABLES = {
  eventTable: 'complaint_event',
  ownerTable: 'complaint',
  ownerColumn: 'complaint_id',
} as const;

/** The complaint's hash-chained trace: the same shared code as a case's. */
export const complaintTrace = chainedTrace({ ...COMPLAINT_TRACE_TABLES, ownerKey: 'complaintId' });
