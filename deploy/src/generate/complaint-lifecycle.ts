import { unitCode } from '@sunlight/shared';
import { complaintTexts } from './complaint-texts';
import type { Random } from './random';
import { dayOf, dayStart } from './time-window';
import type { WorkingDays } from './working-days';
import { FilingCalendar } from './filing-calendar';

/** The complaints service's default limits (COMPLAINT_*_DAYS), in working days. */
const ACCEPT_DAYS = 15;
const CONCLUDE_DAYS = 60;
const EXTENSION_DAYS = 30;
const ESCALATE_AFTER_DAYS = 5;

export interface ComplaintHead {
  id: string;
  number: string;
  receivedAt: number;
  channel: string;
  category: string;
  anonymous: boolean;
  accusedUnit: string;
  againstLeadership: boolean;
  handlerUnit: string;
  /** 1 for most units; more for a unit worse than its peers. */
  worse: number;
}

export interface ComplaintEventDraft {
  kind: string;
  actor: string;
  at: number;
  payload: Record<string, unknown>;
}

/**
 * An alarm of the complaint clock, and the alert it raised: overdue after `elapsed` working days
 * against `limit`, or escalated from the unit `from` to `handlerUnit`.
 */
export type ComplaintAlarm = {
  stage: 'ACCEPT' | 'CONCLUDE';
  stageEntry: number;
  raisedAt: number;
  handlerUnit: string;
} & ({ kind: 'OVERDUE'; elapsed: number; limit: number } | { kind: 'ESCALATED'; from: string });

/** Where a complaint stands at the generator's "now". */
export interface ComplaintState {
  status: string;
  handlerUnit: string;
  handlerSubject: string | null;
  acceptedAt: number | null;
  concludedAt: number | null;
  feedbackAt: number | null;
  stageStartedAt: number;
  stageEntry: number;
  extensionDays: number;
  conclusion: string | null;
  finding: string | null;
  feedback: string | null;
  workingDaysToConclude: number | null;
  events: ComplaintEventDraft[];
  alarms: ComplaintAlarm[];
}

/**
 * A complaint's handling as the complaints service and its clock record it: acceptance by the
 * jurisdiction's inspectors (sometimes after a transfer, or late enough to be flagged overdue and
 * escalated a tier up), investigation, an occasional extension, conclusion and feedback; cut at
 * `now`.
 */
export function handleComplaint(h: ComplaintHead, wd: WorkingDays, now: number, random: Random): ComplaintState {
  const s: ComplaintState = {
    status: 'RECEIVED',
    handlerUnit: h.handlerUnit,
    handlerSubject: null,
    acceptedAt: null,
    concludedAt: null,
    feedbackAt: null,
    stageStartedAt: h.receivedAt,
    stageEntry: 1,
    extensionDays: 0,
    conclusion: null,
    finding: null,
    feedback: null,
    workingDaysToConclude: null,
    events: [],
    alarms: [],
  };
  const jitter = random.int(20, 200) * 1000;
  const tick = (day: number) => dayStart(day) + jitter;
  const at = (day: number, after: number) => Math.max(after + 60_000, FilingCalendar.officeHours(day, random));
  const events: ComplaintEventDraft[] = [
    {
      kind: 'FILED',
      actor: 'complainant',
      at: h.receivedAt,
      payload: { channel: h.channel, category: h.category, anonymous: h.anonymous, handlerUnit: h.handlerUnit },
    },
  ];
  const steps: (() => void)[] = [];
  let t = h.receivedAt;
  const apply = (at: number, change: () => void, event?: ComplaintEventDraft) => {
    steps.push(() => {
      if (at > now) return;
      change();
      if (event) events.push(event);
    });
    t = at;
  };

  // Acceptance, perhaps after a transfer, perhaps late (overdue, then escalated to the tier above).
  let handler = h.handlerUnit;
  const parent = unitCode.parentOf(handler);
  if (parent && random.chance(0.02)) {
    const when = at(wd.after(dayOf(t), random.int(1, 5)), t);
    const from = handler;
    handler = parent;
    apply(
      when,
      () =>
        Object.assign(s, {
          status: 'TRANSFERRED',
          handlerUnit: parent,
          stageStartedAt: when,
          stageEntry: s.stageEntry + 1,
        }),
      {
        kind: 'TRANSFER',
        actor: `inspector.${from}`,
        at: when,
        payload: { from, to: parent, reason: complaintTexts.transferReason(random) },
      },
    );
  }
  const late = random.chance(0.03 * h.worse);
  const startDay = dayOf(t);
  let acceptDay = wd.after(
    startDay,
    late
      ? random.int(ACCEPT_DAYS + 1, ACCEPT_DAYS + ESCALATE_AFTER_DAYS + 3)
      : Math.floor(random.next() * random.next() * 10),
  );
  if (late) {
    const overdueAt = tick(wd.after(startDay, ACCEPT_DAYS + 1));
    const entry = () => s.stageEntry;
    const unit = handler;
    apply(
      overdueAt,
      () =>
        s.alarms.push({
          kind: 'OVERDUE',
          stage: 'ACCEPT',
          stageEntry: entry(),
          raisedAt: overdueAt,
          handlerUnit: unit,
          elapsed: ACCEPT_DAYS + 1,
          limit: ACCEPT_DAYS,
        }),
      {
        kind: 'OVERDUE',
        actor: 'system:clock',
        at: overdueAt,
        payload: { stage: 'ACCEPT', elapsed: ACCEPT_DAYS + 1, limit: ACCEPT_DAYS },
      },
    );
    const escalateDay = wd.after(startDay, ACCEPT_DAYS + ESCALATE_AFTER_DAYS + 1);
    const up = unitCode.parentOf(handler);
    if (up && acceptDay >= escalateDay) {
      const escalatedAt = tick(escalateDay);
      const from = handler;
      handler = up;
      apply(
        escalatedAt,
        () => {
          s.alarms.push({
            kind: 'ESCALATED',
            stage: 'ACCEPT',
            stageEntry: s.stageEntry,
            raisedAt: escalatedAt,
            handlerUnit: up,
            from,
          });
          Object.assign(s, {
            status: 'RECEIVED',
            handlerUnit: up,
            handlerSubject: null,
            stageStartedAt: escalatedAt,
            stageEntry: s.stageEntry + 1,
          });
        },
        { kind: 'ESCALATED', actor: 'system:clock', at: escalatedAt, payload: { from, to: up, stage: 'ACCEPT' } },
      );
      acceptDay = wd.after(escalateDay, random.int(1, 6));
    } else if (acceptDay >= escalateDay) {
      acceptDay = wd.after(startDay, ACCEPT_DAYS + ESCALATE_AFTER_DAYS);
    }
  }
  const inspector = `inspector.${handler}`;
  const acceptedAt = at(acceptDay, t);
  apply(
    acceptedAt,
    () =>
      Object.assign(s, {
        status: 'ACCEPTED',
        handlerUnit: handler,
        handlerSubject: inspector,
        acceptedAt,
        stageStartedAt: acceptedAt,
        stageEntry: s.stageEntry + 1,
      }),
    {
      kind: 'ACCEPT',
      actor: inspector,
      at: acceptedAt,
      payload: { note: complaintTexts.acceptNote(random) },
    },
  );
  if (random.chance(0.75)) {
    const when = at(wd.after(dayOf(t), random.int(0, 5)), t);
    apply(when, () => (s.status = 'INVESTIGATING'), {
      kind: 'INVESTIGATE',
      actor: inspector,
      at: when,
      payload: { note: complaintTexts.investigateNote(random) },
    });
  }
  const approver = unitCode.parentOf(handler);
  let limit = CONCLUDE_DAYS;
  if (approver && random.chance(0.04)) {
    const when = at(wd.after(dayOf(t), random.int(3, 20)), t);
    limit += EXTENSION_DAYS;
    apply(when, () => (s.extensionDays = EXTENSION_DAYS), {
      kind: 'EXTEND',
      actor: `inspector.${approver}`,
      at: when,
      payload: { days: EXTENSION_DAYS, reason: complaintTexts.extendReason(random) },
    });
  }
  // Conclusion within the limit, or a few days past it (overdue, not escalated).
  const acceptedDay = dayOf(acceptedAt);
  const lateConclusion = random.chance(0.02 * h.worse);
  const days = lateConclusion
    ? random.int(limit + 1, limit + ESCALATE_AFTER_DAYS)
    : Math.max(wd.count(acceptedDay, dayOf(t)), Math.round(limit * (0.1 + 0.7 * random.next() * random.next())));
  const concludeDay = wd.after(acceptedDay, days);
  if (lateConclusion) {
    const overdueAt = tick(wd.after(acceptedDay, limit + 1));
    apply(
      overdueAt,
      () =>
        s.alarms.push({
          kind: 'OVERDUE',
          stage: 'CONCLUDE',
          stageEntry: s.stageEntry,
          raisedAt: overdueAt,
          handlerUnit: handler,
          elapsed: limit + 1,
          limit,
        }),
      {
        kind: 'OVERDUE',
        actor: 'system:clock',
        at: overdueAt,
        payload: { stage: 'CONCLUDE', elapsed: limit + 1, limit },
      },
    );
  }
  const concludedAt = at(concludeDay, t);
  const worse = h.worse > 1;
  const conclusion = ['SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'UNSUBSTANTIATED'][
    random.weighted(worse ? [40, 25, 35] : [22, 18, 60])
  ]!;
  const finding = complaintTexts.finding(conclusion, random);
  const wdays = wd.count(acceptedDay, concludeDay);
  apply(
    concludedAt,
    () => Object.assign(s, { status: 'CONCLUDED', conclusion, finding, concludedAt, workingDaysToConclude: wdays }),
    {
      kind: 'CONCLUDE',
      actor: inspector,
      at: concludedAt,
      payload: { conclusion, workingDays: wdays },
    },
  );
  const feedbackAt = at(wd.after(concludeDay, random.int(0, 5)), t);
  const feedback = complaintTexts.feedback(random);
  apply(feedbackAt, () => Object.assign(s, { status: 'FEEDBACK_GIVEN', feedback, feedbackAt }), {
    kind: 'GIVE_FEEDBACK',
    actor: inspector,
    at: feedbackAt,
    payload: {},
  });

  for (const step of steps) step();
  events.sort((a, b) => a.at - b.at);
  s.events = events;
  return s;
}
