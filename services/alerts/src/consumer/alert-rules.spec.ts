import type { OutboxEvent } from '@sunlight/shared';
import { alertFor } from './alert-rules';

const event = (topic: string, payload: Record<string, unknown>, unitCode = '139901001001'): OutboxEvent => ({ id: '1', txid: '1', topic, unitCode, aggregateId: 'a', payload, createdAt: new Date() });

describe('alertFor', () => {
  it('turns cards into alerts of the same level, one per case, step and level', () => {
    const a = alertFor('cases', event('case.card_raised', { caseId: 'c1', number: 'N-1', level: 'RED', step: 2, reason: 'late' }))!;
    expect(a).toMatchObject({ kind: 'CARD', level: 'RED', unitCode: '139901001001', subjectType: 'Case', subjectId: 'c1', dedupeKey: 'c1:2' });
    expect(a.title).toContain('红牌');
    const whole = alertFor('cases', event('case.card_raised', { caseId: 'c1', number: 'N-1', level: 'RED', step: null, reason: 'statutory' }))!;
    expect(whole.dedupeKey).toBe('c1:case');
  });

  it('maps blocked checkpoints, low ratings and notices', () => {
    expect(alertFor('cases', event('case.checkpoint_blocked', { caseId: 'c1', number: 'N', step: 3, violations: [] }))).toMatchObject({ kind: 'CHECKPOINT_BLOCKED', level: 'YELLOW' });
    expect(alertFor('evaluations', event('rating.low', { ratingId: 'r1', unitCode: '139901001000', score: 1 }))).toMatchObject({ kind: 'LOW_RATING', level: 'YELLOW', subjectType: 'Unit', dedupeKey: 'r1' });
    expect(alertFor('evaluations', event('rating.low', { ratingId: 'r2', unitCode: '139901001000', score: 2 }))).toMatchObject({ level: 'REMINDER' });
    expect(alertFor('complaints', event('notice.overdue', { noticeId: 'n1', number: 'JC-1', unitCode: '139901002000' }))).toMatchObject({ kind: 'NOTICE_OVERDUE', subjectType: 'Notice', unitCode: '139901002000' });
  });

  it('keeps who is accused on complaint alerts (to hide them from the accused) and nothing of who complained', () => {
    const a = alertFor('complaints', event('complaint.escalated', { complaintId: 'k1', number: 'TS2026-000001', accusedUnit: '139901002000', accusedDepartment: null, againstLeadership: true, handlerUnit: '139900000000', stage: 'ACCEPT' }))!;
    expect(a).toMatchObject({ kind: 'COMPLAINT_ESCALATED', level: 'RED', unitCode: '139900000000', accusedUnit: '139901002000', againstLeadership: true });
    expect(JSON.stringify(a)).not.toMatch(/complainant|name|phone/i);
  });

  it('ignores events that are not alert-worthy', () => {
    expect(alertFor('cases', event('case.filed', { caseId: 'c1' }))).toBeNull();
    expect(alertFor('powers', event('power.published', {}))).toBeNull();
  });
});
