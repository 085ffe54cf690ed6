import type { EventTopic } from './event-topic';

/**
 * The service whose outbox carries each topic (its Postgres schema): `publishEvent` writes a
 * topic only to its own service's outbox, and a consumer can tell an event it does not know.
 */
export const EVENT_SOURCES = {
  'case.filed': 'cases',
  'case.step_advanced': 'cases',
  'case.completed': 'cases',
  'case.returned': 'cases',
  'case.suspended': 'cases',
  'case.resumed': 'cases',
  'case.extended': 'cases',
  'case.withdrawn': 'cases',
  'case.checkpoint_blocked': 'cases',
  'case.card_raised': 'cases',
  'case.calendar_not_loaded': 'cases',
  'complaint.filed': 'complaints',
  'complaint.evidence_added': 'complaints',
  'complaint.overdue': 'complaints',
  'complaint.escalated': 'complaints',
  'complaint.accept': 'complaints',
  'complaint.investigate': 'complaints',
  'complaint.conclude': 'complaints',
  'complaint.give_feedback': 'complaints',
  'complaint.transfer': 'complaints',
  'complaint.extend': 'complaints',
  'complaint.reveal_identity': 'complaints',
  'complaint.calendar_not_loaded': 'complaints',
  'notice.issued': 'complaints',
  'notice.closed': 'complaints',
  'notice.overdue': 'complaints',
  'power.created': 'powers',
  'power.edited': 'powers',
  'power.published': 'powers',
  'power.retired': 'powers',
  'rating.low': 'evaluations',
} as const satisfies Record<EventTopic, string>;
