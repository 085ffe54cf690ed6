import { referenceResolver } from '@sunlight/shared';
import type { ComplaintsContext } from '../complaints.context';
import type { UnitRef } from '../unit/unit-ref.type';
import { toComplaint, type Complaint } from './complaint.type';
import type { Notice } from '../notice/notice.type';

/** `Complaint` references: only for those who may see it (never the accused). */
export const complaintReference = referenceResolver<{ id: string }, Complaint, ComplaintsContext>({
  load: async (ref, ctx) => {
    const row = await ctx.complaints.find(ctx.principal, ref.id);
    return row ? toComplaint(row) : null;
  },
  canSee: () => true, // find() applied the visibility rule
});

/**
 * `Unit` references: every caller gets the stub (the unit tree is public in powers; the stub holds
 * only the code). Each `Unit` field checks role and scope itself and refuses with a typed error, so
 * the public asking for complaint statistics is told UNAUTHENTICATED instead of getting a silent null.
 */
export const unitReference = referenceResolver<{ code: string }, UnitRef, ComplaintsContext>({
  load: async (ref) => ({ code: ref.code }),
  canSee: () => true,
});

/** `Notice` references: the notified unit's leader and inspectors in scope. */
export const noticeReference = referenceResolver<{ id: string }, Notice, ComplaintsContext>({
  load: (ref, ctx) => ctx.notices.get(ctx.principal, ref.id).catch(() => null),
  canSee: () => true, // get() applied the notice rule
});
