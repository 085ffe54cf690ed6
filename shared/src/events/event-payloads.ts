import type { CheckpointViolation } from '../checkpoint/checkpoint-violation';

/** Which case an event concerns and the power version it runs under. */
interface CaseRef {
  caseId: string;
  number: string;
  powerId: string;
  powerVersion: number;
}

/** A transition of a case: the step it was at when it happened and its trace event's hash. */
interface CaseStep extends CaseRef {
  step: number;
  hash: string;
}

/** Where a complaint sits and whom it accuses; never who complained. */
interface ComplaintRef {
  complaintId: string;
  number: string;
  category: string;
  accusedUnit: string;
  accusedDepartment: string | null;
  againstLeadership: boolean;
  handlerUnit: string;
}

/** A handling step of a complaint, with the status it left the complaint in. */
interface ComplaintHandled extends ComplaintRef {
  status: string;
}

/** The handling limit a complaint is measured against: accepting it, then concluding it. */
type ComplaintStage = 'ACCEPT' | 'CONCLUDE';

/** The notice an event concerns and the unit it was sent to. */
interface NoticeRef {
  noticeId: string;
  number: string;
  unitCode: string;
}

/** A year a clock needed whose holidays are not loaded, and the city whose clock needed it. */
interface CalendarNotLoaded {
  year: number;
  cityCode: string;
}

/** The lists of a power's content that are edited item by item. */
type PowerItemList = 'riskPoints' | 'efficiencyPoints' | 'checkpoints';

/**
 * Every outbox topic and the payload it carries, exactly as stored (the JSON written today):
 * the contract between the service that publishes an event and every service that reads it.
 * Renaming a field here fails to compile in each producer and consumer. Which service's outbox
 * carries a topic is {@link EVENT_SOURCES}.
 */
export interface EventPayloads {
  /** A case was filed (its first step entered). */
  'case.filed': CaseRef;
  /** A case left step `from` for step `to` (`step` is still `from`). */
  'case.step_advanced': CaseStep & {
    from: number;
    to: number;
    result: string;
    payment: number | null;
    contractChange: number | null;
  };
  /** A case was decided at its last step. `workingDays` is its whole handling time. */
  'case.completed': CaseStep & {
    outcome: 'APPROVED' | 'REJECTED';
    result: string;
    /** A payment made with the decision (CNY), null if none; checked like a payment at any step. */
    payment: number | null;
    workingDays: number;
    onTime: boolean;
  };
  /** A case went back from step `from` to the earlier step `to`. */
  'case.returned': CaseStep & { from: number; to: number; reason: string };
  /** A case's clock stopped. */
  'case.suspended': CaseStep & {
    reason: 'HEARING' | 'EXPERT_APPRAISAL' | 'SUPPLEMENT_MATERIALS' | 'OTHER';
    note: string;
  };
  /** A suspended case's clock runs again; `suspendedSince` is an ISO instant. */
  'case.resumed': CaseStep & { suspendedSince: string | null };
  /** A case's time limit was extended by `days` working days. */
  'case.extended': CaseStep & { days: number; reason: string };
  /** A case was withdrawn. */
  'case.withdrawn': CaseStep & { reason: string };
  /** A transition was refused by the checkpoints of step `step`; `actor` tried it. */
  'case.checkpoint_blocked': CaseRef & { step: number; actor: string; violations: CheckpointViolation[] };
  /** The clock raised a card on a case: on step `step`, or on the whole case when `step` is null. */
  'case.card_raised': CaseRef & {
    level: 'REMINDER' | 'YELLOW' | 'RED';
    step: number | null;
    reason: string;
    hash: string;
  };

  /**
   * A case's clock counted days of `year`, whose holidays are not loaded: its deadline is
   * provisional. Published once per year and city (`cityCode`).
   */
  'case.calendar_not_loaded': CalendarNotLoaded;

  /** A complaint was filed and routed to `handlerUnit`. */
  'complaint.filed': ComplaintRef;
  /** The complainant added evidence. */
  'complaint.evidence_added': ComplaintRef;
  /** A complaint passed the limit of its stage (`elapsed` and `limit` in working days). */
  'complaint.overdue': ComplaintRef & { stage: ComplaintStage; elapsed: number; limit: number };
  /** An overdue complaint went up a tier, from the unit `from` to `handlerUnit`. */
  'complaint.escalated': ComplaintRef & { from: string; stage: ComplaintStage };
  /** The handling inspectors accepted a complaint. */
  'complaint.accept': ComplaintHandled;
  /** The handler started investigating. */
  'complaint.investigate': ComplaintHandled;
  /** The handler concluded. */
  'complaint.conclude': ComplaintHandled;
  /** The handler gave the complainant feedback. */
  'complaint.give_feedback': ComplaintHandled;
  /** A complaint went to another jurisdiction (`handlerUnit` is the new one). */
  'complaint.transfer': ComplaintHandled;
  /** The concluding time was extended. */
  'complaint.extend': ComplaintHandled;
  /** The handler read a named complainant's identity (the reason is in the trace, not here). */
  'complaint.reveal_identity': ComplaintHandled;
  /** As `case.calendar_not_loaded`, for a complaint's clock. */
  'complaint.calendar_not_loaded': CalendarNotLoaded;
  /** A notice was sent to `unitCode` by the inspectors of `issuerUnit`, due on `deadline` (YYYY-MM-DD). */
  'notice.issued': NoticeRef & { issuerUnit: string; deadline: string; items: number };
  /** Every item of a notice was accepted. */
  'notice.closed': NoticeRef;
  /** A notice passed its deadline with items open. */
  'notice.overdue': NoticeRef & { issuerUnit: string };

  /** A power was created as version 1, a draft. */
  'power.created': { version: number; code: string };
  /** A power's draft `version` was written by `operation`. */
  'power.edited': { version: number; operation: 'updatePower' | `add:${PowerItemList}` | `remove:${PowerItemList}` };
  /** A power's `version` was published. */
  'power.published': { version: number };
  /** A power was retired. */
  'power.retired': { reason: string };

  /** A citizen rated a service 1 or 2: where and how badly, never who (no case, device or comment). */
  'rating.low': {
    ratingId: string;
    unitCode: string;
    departmentId: string | null;
    postId: string | null;
    powerId: string | null;
    stepNo: number | null;
    score: number;
    tags: string[];
    source: 'CASE' | 'DEVICE';
  };
}
