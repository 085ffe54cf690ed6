import { WorkingCalendar } from '@sunlight/shared';
import type { CaseRow } from '../case/case-row';
import { caseClock } from './case-clock';

const calendar = new WorkingCalendar([]);
const MONDAY = new Date('2026-03-02T02:00:00Z'); // 10:00 local
const WEDNESDAY = new Date('2026-03-04T02:00:00Z');

/** A case at step 1 (limit 5 working days), filed on Monday. */
function aCase(status: CaseRow['status'], suspendedSince: Date | null = null): CaseRow {
  return {
    status,
    suspendedSince,
    currentStep: 1,
    stepEntry: 1,
    stepStartedAt: MONDAY,
    receivedAt: MONDAY,
    stepExtensionDays: 0,
    caseExtensionDays: 0,
    snapshot: { statutoryDays: 20, flow: [{ stepNo: 1, name: '受理', timeLimitDays: 5 }] },
  } as unknown as CaseRow;
}

describe('caseClock', () => {
  it('gives a running case its step deadline', () => {
    expect(caseClock(aCase('IN_PROGRESS'), [], calendar, WEDNESDAY).stepDeadline).toBe('2026-03-09');
  });

  it('shows no running deadline while suspended, the remaining days frozen', () => {
    const clock = caseClock(aCase('SUSPENDED', MONDAY), [{ from: MONDAY, to: null }], calendar, WEDNESDAY);
    expect(clock.stepDeadline).toBeNull();
    expect(clock.stepLimit - clock.stepElapsed).toBe(5);
  });
});
