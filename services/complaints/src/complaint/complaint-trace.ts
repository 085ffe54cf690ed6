import { chainedTrace } from '@sunlight/shared';

/** The complaint's hash-chained trace: the same shared code as a case's. */
export const complaintTrace = chainedTrace({
  eventTable: 'complaint_event',
  ownerTable: 'complaint',
  ownerKey: 'complaintId',
  ownerColumn: 'complaint_id',
});
