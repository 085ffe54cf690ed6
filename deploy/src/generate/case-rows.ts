import { chainHash, GENESIS_HASH } from '@sunlight/shared';
import type { AlertBook } from './alert-book';
import type { BulkWriter } from './bulk-writer';
import type { CaseStory } from './case-story';
import type { CaseHead } from './case-timeline';
import type { Random } from './random';
import { TABLES } from './table-specs';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The amounts a case holds at the end of its story: a project's change and progress only once reached. */
function finalAmounts(head: CaseHead, story: CaseStory): Record<string, number> {
  const amounts = { ...head.amounts };
  const change = story.events.find((e) => e.kind === 'STEP_ADVANCED' && e.payload['contractChange'] !== null)?.payload[
    'contractChange'
  ];
  if (typeof change === 'number') amounts['changeTotal'] = Math.abs(change);
  if (amounts['contractPrice'] !== undefined && story.status === 'COMPLETED') amounts['progress'] = 1;
  return amounts;
}

/**
 * Writes one case as the cases service would hold it: the row (head of its trace), the
 * hash-chained events (`chainHash` over the body `chainedTrace` hashes), step visits, pauses and
 * cards; and books the alert each card raised. Returns the number of events.
 */
export function writeCase(
  w: BulkWriter,
  alerts: AlertBook,
  head: CaseHead,
  story: CaseStory,
  applicant: { name: string; idNumber: string; phone: string },
  random: Random,
): number {
  const p = head.power;
  let previous = GENESIS_HASH;
  // The trace hash each card's event carries, by when it was raised, its level and its step.
  const cardHashes = new Map<string, string>();
  story.events.forEach((e, i) => {
    const seq = i + 1;
    const at = iso(e.at)!;
    const hash = chainHash(previous, {
      caseId: head.id,
      seq,
      kind: e.kind,
      actor: e.actor,
      at,
      payload: e.payload,
      attachments: e.attachments,
    });
    w.add(TABLES.caseEvent, [
      head.id,
      seq,
      e.kind,
      e.actor,
      at,
      JSON.stringify(e.payload),
      JSON.stringify(e.attachments),
      previous,
      hash,
      null,
    ]);
    if (e.kind === 'CARD_RAISED')
      cardHashes.set(`${e.at}:${String(e.payload['level'])}:${String(e.payload['step'])}`, hash);
    previous = hash;
  });
  const last = story.events[story.events.length - 1]!;
  w.add(TABLES.case, [
    head.id,
    head.number,
    head.unitCode,
    p.departmentId,
    p.id,
    1,
    p.snapshotText,
    applicant.name,
    applicant.idNumber,
    applicant.phone,
    head.details,
    JSON.stringify(finalAmounts(head, story)),
    story.status,
    story.outcome,
    story.currentStep,
    story.stepEntry,
    iso(story.stepStartedAt),
    story.stepExtensionDays,
    story.caseExtensionDays,
    iso(head.receivedAt),
    iso(story.completedAt),
    iso(story.suspendedSince),
    story.cardLevel,
    story.workingDays,
    story.onTime,
    `clerk.${head.unitCode}`,
    story.events.length,
    previous,
    iso(last.at),
  ]);
  for (const e of story.entries)
    w.add(TABLES.caseStepLog, [head.id, e.entry, e.stepNo, iso(e.startedAt), iso(e.finishedAt), e.handledBy]);
  for (const x of story.pauses) w.add(TABLES.casePause, [head.id, iso(x.startedAt), iso(x.endedAt), x.reason]);
  // One alert per (level, step): a step visited twice raises its cards twice, the consumer's ON CONFLICT keeps one alert.
  const alerted = new Set<string>();
  for (const c of story.cards) {
    w.add(TABLES.card, [random.uuid(), head.id, head.unitCode, c.level, c.scope, c.stepNo, c.reason, iso(c.raisedAt)]);
    const key = `${c.level}:${c.stepNo ?? 'case'}`;
    if (alerted.has(key)) continue;
    alerted.add(key);
    const hash = cardHashes.get(`${c.raisedAt}:${c.level}:${String(c.stepNo)}`) ?? '';
    alerts.raise(
      'cases',
      head.unitCode,
      {
        topic: 'case.card_raised',
        payload: {
          caseId: head.id,
          number: head.number,
          powerId: p.id,
          powerVersion: 1,
          level: c.level,
          step: c.stepNo,
          reason: c.reason,
          hash,
        },
      },
      c.raisedAt,
    );
  }
  return story.events.length;
}
