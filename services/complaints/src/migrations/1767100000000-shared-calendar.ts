import { SharedCalendarMigration } from '@sunlight/shared';

/** Replaces complaints.calendar_day by the shared `calendar` schema, copying every row (see SharedCalendarMigration). */
export class SharedCalendar1767100000000 extends SharedCalendarMigration {
  name = 'SharedCalendar1767100000000';
  protected readonly schema = 'complaints';
}
