import type { AttachmentRef } from '@sunlight/shared';
import { CARD_RANK, caseCardReason, stepCardReason, stepCardThresholds } from './case-cards';
import type { PlannedEntry } from './case-durations';
import type { CaseStory, StoryCard, StoryEntry, StoryEvent, StoryPause } from './case-story';
import { caseTexts } from './case-texts';
import type { CatalogPower } from './catalog-power';
import type { Random } from './random';
import { dayOf, dayStart } from './time-window';
import type { WorkingDays } from './working-days';

const MINUTE = 60_000;
const OPENS = (8 * 60 + 30) * MINUTE;
const CLOSES = (17 * 60 + 45) * MINUTE;

/** What a case is filed with. */
export interface CaseHead {
  id: string;
  number: string;
  unitCode: string;
  power: CatalogPower;
  receivedAt: number;
  details: string;
  attachments: AttachmentRef[];
  amounts: Record<string, number>;
  /** The contract change approved at the change step of a project, if any. */
  contractChange: number | null;
  outcome: 'APPROVED' | 'REJECTED';
}

/**
 * Lays a planned case out in time, as the cases service and its card scheduler would have
 * recorded it: the trace events, step visits, pauses and cards, then cuts the story at `now`
 * (what happens later has not happened yet).
 */
export function tellCase(
  head: CaseHead,
  plan: readonly PlannedEntry[],
  wd: WorkingDays,
  now: number,
  random: Random,
): CaseStory {
  const p = head.power;
  const clerk = `clerk.${head.unitCode}`;
  const leader = `leader.${head.unitCode}`;
  // The scheduler ticks every minute; all cards of one case due the same day come in one tick.
  const tickOf = (day: number) => dayStart(day) + random.int(20, 240) * 1000;
  const ticks = new Map<number, number>();
  const tick = (day: number) => ticks.get(day) ?? ticks.set(day, tickOf(day)).get(day)!;
  /** A moment on `day` during office hours, after `after` when that is the same day; else the next working day. */
  const place = (day: number, after: number | null): { day: number; at: number } => {
    const lo = after !== null && dayOf(after) === day ? after - dayStart(day) + MINUTE : OPENS;
    if (lo > CLOSES - MINUTE) return place(wd.after(day, 1), null);
    const hi = Math.max(lo, CLOSES - 15 * MINUTE);
    return { day, at: dayStart(day) + lo + Math.floor(random.next() * (hi - lo)) };
  };

  const events: StoryEvent[] = [
    {
      kind: 'FILED',
      actor: clerk,
      at: head.receivedAt,
      payload: { number: head.number, powerId: p.id, powerVersion: 1, step: 1, details: head.details },
      attachments: head.attachments,
    },
  ];
  const entries: StoryEntry[] = [];
  const pauses: StoryPause[] = [];
  const cards: StoryCard[] = [];
  const receivedDay = dayOf(head.receivedAt);
  let t = head.receivedAt;
  let extension: { at: number; days: number; entry: number } | null = null;
  let pausedDays = 0;
  let changed = false;
  let workingDays = 0;

  plan.forEach((e, i) => {
    const entry = i + 1;
    const startDay = dayOf(t);
    let anchor = t;
    let limit = e.limit;
    if (e.extension > 0) {
      const at = t + random.int(2, 15) * MINUTE;
      extension = { at, days: e.extension, entry };
      limit += e.extension;
      events.push({
        kind: 'EXTENDED',
        actor: leader,
        at,
        payload: { days: e.extension, reason: caseTexts.extensionReason(random) },
        attachments: [],
      });
      anchor = at;
    }
    let finish: { day: number; at: number };
    let paused = 0;
    if (e.pause) {
      const s = place(wd.after(startDay, e.pause.after), anchor);
      const r = place(wd.after(s.day, e.pause.length), null);
      const [reason, note] = caseTexts.suspension(random);
      const left = Math.max(0, e.days - wd.count(startDay, s.day));
      const fd = wd.after(r.day, left);
      finish = place(fd, fd === r.day ? r.at : null);
      paused = wd.count(s.day, r.day);
      pauses.push({ startedAt: s.at, endedAt: r.at, reason });
      events.push({ kind: 'SUSPENDED', actor: clerk, at: s.at, payload: { reason, note }, attachments: [] });
      events.push({
        kind: 'RESUMED',
        actor: clerk,
        at: r.at,
        payload: { suspendedSince: new Date(s.at).toISOString() },
        attachments: [],
      });
    } else {
      const fd = wd.after(startDay, e.days);
      finish = place(fd, fd === dayOf(anchor) ? anchor : null);
    }
    const elapsed = wd.count(startDay, finish.day) - paused;
    pausedDays += paused;
    workingDays += elapsed;
    if (!e.pause) {
      for (const th of stepCardThresholds(limit)) {
        if (elapsed < th.at) continue;
        const raisedAt = tick(wd.after(startDay, th.at));
        cards.push({
          level: th.level,
          scope: `step:${entry}`,
          stepNo: e.stepNo,
          reason: stepCardReason(th.level, e.stepNo, th.at, limit),
          raisedAt,
        });
        events.push({
          kind: 'CARD_RAISED',
          actor: 'system:clock',
          at: raisedAt,
          payload: { level: th.level, step: e.stepNo, reason: cards[cards.length - 1]!.reason },
          attachments: [],
        });
      }
    }
    const done = { at: finish.at, attachments: [] as AttachmentRef[] };
    switch (e.end) {
      case 'advance': {
        const change =
          !changed &&
          head.contractChange !== null &&
          p.checkpoints.some((c) => c.kind === 'CONTRACT_CHANGE_LIMIT' && c.stepNo === e.stepNo);
        changed ||= change;
        const payload = {
          from: e.stepNo,
          to: e.stepNo + 1,
          result: caseTexts.stepResult(p.flow[e.stepNo - 1]!.name, random),
          payment: null,
          contractChange: change ? head.contractChange : null,
        };
        events.push({ kind: 'STEP_ADVANCED', actor: clerk, payload, ...done });
        break;
      }
      case 'return':
        events.push({
          kind: 'RETURNED',
          actor: clerk,
          payload: { from: e.stepNo, to: e.stepNo - 1, reason: caseTexts.returnReason(random) },
          ...done,
        });
        break;
      case 'withdraw':
        events.push({
          kind: 'WITHDRAWN',
          actor: clerk,
          payload: { reason: caseTexts.withdrawReason(random) },
          ...done,
        });
        break;
      case 'complete': {
        const total = wd.count(receivedDay, finish.day) - pausedDays;
        const onTime = total <= p.statutoryDays + (extension?.days ?? 0);
        events.push({
          kind: 'COMPLETED',
          actor: leader,
          payload: {
            outcome: head.outcome,
            result: caseTexts.completion(head.outcome, random),
            workingDays: total,
            onTime,
          },
          ...done,
        });
        break;
      }
    }
    entries.push({
      entry,
      stepNo: e.stepNo,
      startedAt: t,
      finishedAt: finish.at,
      handledBy: e.end === 'complete' ? leader : clerk,
    });
    t = finish.at;
  });

  // The case card: the clock counts the whole case against its statutory limit (never while suspended).
  const ext = extension as { at: number; days: number; entry: number } | null;
  if (pauses.length === 0) {
    const crossing = (extra: number) => wd.after(receivedDay, p.statutoryDays + extra + 1);
    const extra = ext && ext.at < tick(crossing(0)) ? ext.days : 0;
    const lastDay = dayOf(t);
    if (wd.count(receivedDay, lastDay) >= p.statutoryDays + extra + 1) {
      const raisedAt = tick(crossing(extra));
      const reason = caseCardReason(p.statutoryDays + extra + 1, p.statutoryDays + extra);
      cards.push({ level: 'RED', scope: 'case', stepNo: null, reason, raisedAt });
      events.push({
        kind: 'CARD_RAISED',
        actor: 'system:clock',
        at: raisedAt,
        payload: { level: 'RED', step: null, reason },
        attachments: [],
      });
    }
  }
  events.sort((a, b) => a.at - b.at);
  return cut(head, { events, entries, pauses, cards, extension: ext, workingDays }, now);
}

/** The story as it stands at `now`. */
function cut(
  head: CaseHead,
  full: {
    events: StoryEvent[];
    entries: StoryEntry[];
    pauses: StoryPause[];
    cards: StoryCard[];
    extension: { at: number; days: number; entry: number } | null;
    workingDays: number;
  },
  now: number,
): CaseStory {
  const events = full.events.filter((e) => e.at <= now);
  const entries = full.entries
    .filter((e) => e.startedAt <= now)
    .map((e) => (e.finishedAt !== null && e.finishedAt > now ? { ...e, finishedAt: null, handledBy: null } : e));
  const pauses = full.pauses
    .filter((x) => x.startedAt <= now)
    .map((x) => (x.endedAt !== null && x.endedAt > now ? { ...x, endedAt: null } : x));
  const cards = full.cards.filter((c) => c.raisedAt <= now);
  const last = events[events.length - 1]!;
  const current = entries[entries.length - 1]!;
  const ext = full.extension && full.extension.at <= now ? full.extension : null;
  const cardLevel = cards.reduce<StoryCard['level'] | null>(
    (top, c) => (top === null || CARD_RANK[c.level] > CARD_RANK[top] ? c.level : top),
    null,
  );
  const closed = last.kind === 'COMPLETED' || last.kind === 'WITHDRAWN';
  const open = pauses.find((x) => x.endedAt === null);
  return {
    status:
      last.kind === 'COMPLETED'
        ? 'COMPLETED'
        : last.kind === 'WITHDRAWN'
          ? 'WITHDRAWN'
          : open
            ? 'SUSPENDED'
            : current.entry === 1
              ? 'RECEIVED'
              : 'IN_PROGRESS',
    outcome: last.kind === 'COMPLETED' ? head.outcome : null,
    currentStep: current.stepNo,
    stepEntry: current.entry,
    stepStartedAt: current.startedAt,
    stepExtensionDays: ext && ext.entry === current.entry ? ext.days : 0,
    caseExtensionDays: ext?.days ?? 0,
    completedAt: closed ? last.at : null,
    suspendedSince: open && !closed ? open.startedAt : null,
    cardLevel,
    workingDays: last.kind === 'COMPLETED' ? (last.payload['workingDays'] as number) : null,
    onTime: last.kind === 'COMPLETED' ? (last.payload['onTime'] as boolean) : null,
    amounts: head.amounts,
    entries,
    events,
    cards,
    pauses,
  };
}
