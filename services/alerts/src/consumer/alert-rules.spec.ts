import type { EventPayloads, EventTopic, OutboxEvent } from '@sunlight/shared';
import { alertFor } from './alert-rules';

const event = <T extends EventTopic>(
  topic: T,
  payload: EventPayloads[T],
  unitCode = '139901001001',
): OutboxEvent<T> => ({ id: '1', txid: '1', topic, unitCode, aggregateId: 'a', payload, createdAt: new Date() });
const power = { powerId: 'p1', powerVersion: 1 };
/** The alert a red card on case c1 raises: on `step`, or on the whole case when null. */
const redCard = (step: number | null, reason: string) =>
  alertFor(
    'cases',
    event('case.card_raised', { caseId: 'c1', number: 'N-1', ...power, level: 'RED', step, reason, hash: 'h' }),
  )!;
const rated = {
  departmentId: null,
  postId: null,
  powerId: null,
  stepNo: null,
  tags: [] as string[],
  source: 'DEVICE' as const,
};

describe('alertFor', () => {
  it('turns cards into alerts of the same level, one per case, step and level', () => {
    const a = redCard(2, 'late');
    expect(a).toMatchObject({
      kind: 'CARD',
      level: 'RED',
      unitCode: '139901001001',
      subjectType: 'Case',
      subjectId: 'c1',
      dedupeKey: 'c1:2',
    });
    expect(a.title).toContain('红牌');
    const whole = redCard(null, 'statutory');
    expect(whole.dedupeKey).toBe('c1:case');
  });

  it('maps blocked checkpoints, low ratings and notices', () => {
    expect(
      alertFor(
        'cases',
        event('case.checkpoint_blocked', {
          caseId: 'c1',
          number: 'N',
          ...power,
          step: 3,
          actor: 'clerk',
          violations: [],
        }),
      ),
    ).toMatchObject({ kind: 'CHECKPOINT_BLOCKED', level: 'YELLOW' });
    // each breach (each published event) is its own alert; the same event delivered again is not
    const blocked = (id: string) =>
      alertFor('cases', {
        ...event('case.checkpoint_blocked', {
          caseId: 'c1',
          number: 'N',
          ...power,
          step: 3,
          actor: 'clerk',
          violations: [],
        }),
        id,
      })!.dedupeKey;
    expect(blocked('7')).not.toBe(blocked('8'));
    expect(blocked('7')).toBe(blocked('7'));
    expect(
      alertFor('evaluations', event('rating.low', { ratingId: 'r1', unitCode: '139901001000', score: 1, ...rated })),
    ).toMatchObject({ kind: 'LOW_RATING', level: 'YELLOW', subjectType: 'Unit', dedupeKey: 'r1' });
    expect(
      alertFor('evaluations', event('rating.low', { ratingId: 'r2', unitCode: '139901001000', score: 2, ...rated })),
    ).toMatchObject({ level: 'REMINDER' });
    expect(
      alertFor(
        'complaints',
        event('notice.overdue', {
          noticeId: 'n1',
          number: 'JC-1',
          unitCode: '139901002000',
          issuerUnit: '139901000000',
        }),
      ),
    ).toMatchObject({ kind: 'NOTICE_OVERDUE', subjectType: 'Notice', unitCode: '139901002000' });
  });

  it('keeps who is accused on complaint alerts (to hide them from the accused) and nothing of who complained', () => {
    const a = alertFor(
      'complaints',
      event('complaint.escalated', {
        complaintId: 'k1',
        number: 'TS2026-000001',
        category: 'SLOW_ACTION',
        accusedUnit: '139901002000',
        accusedDepartment: null,
        againstLeadership: true,
        handlerUnit: '139900000000',
        from: '139901000000',
        stage: 'ACCEPT',
      }),
    )!;
    expect(a).toMatchObject({
      kind: 'COMPLAINT_ESCALATED',
      level: 'RED',
      unitCode: '139900000000',
      accusedUnit: '139901002000',
      againstLeadership: true,
    });
    expect(JSON.stringify(a)).not.toMatch(/complainant|name|phone/i);
  });

  it('ignores events that are not alert-worthy', () => {
    expect(alertFor('cases', event('case.filed', { caseId: 'c1', number: 'N-1', ...power }))).toBeNull();
    expect(alertFor('powers', event('power.published', { version: 1 }))).toBeNull();
  });
});
