import { cardsDue, type ClockState } from './cards-due';

const t = { reminderRatio: 0.8, redAfterOverdueDays: 3 };
const at = (stepElapsed: number, caseElapsed = 0): ClockState => ({
  stepNo: 2,
  stepEntry: 2,
  stepElapsed,
  stepLimit: 5,
  caseElapsed,
  caseLimit: 20,
});
const levels = (s: ClockState) => cardsDue(s, t).map((c) => `${c.level}:${c.scope}`);

describe('cardsDue', () => {
  it('raises nothing before 80% of the step limit', () => {
    expect(levels(at(3))).toEqual([]);
  });
  it('reminds at 80% (4 of 5 working days)', () => {
    expect(levels(at(4))).toEqual(['REMINDER:step:2']);
  });
  it('is not yet overdue on the last day of the limit', () => {
    expect(levels(at(5))).toEqual(['REMINDER:step:2']);
  });
  it('shows a yellow card the first working day past the limit', () => {
    expect(levels(at(6))).toEqual(['REMINDER:step:2', 'YELLOW:step:2']);
  });
  it('shows red only when overdue by more than 3 working days', () => {
    expect(levels(at(8))).toEqual(['REMINDER:step:2', 'YELLOW:step:2']);
    expect(levels(at(9))).toEqual(['REMINDER:step:2', 'YELLOW:step:2', 'RED:step:2']);
  });
  it('shows red when the case passes its statutory limit, whatever the step', () => {
    expect(levels(at(1, 21))).toEqual(['RED:case']);
    expect(levels(at(1, 20))).toEqual([]);
  });
  it('gives each card its reason in Chinese, as officials read it', () => {
    expect(cardsDue(at(9, 21), t).map((c) => c.reason)).toEqual([
      '第2步已用 9/5 个工作日',
      '第2步已超时 4 个工作日',
      '第2步已超时 4 个工作日（超过 3 个工作日）',
      '办件已用 21 个工作日，超过法定时限 20 个工作日',
    ]);
    expect(cardsDue(at(4), t)[0]?.reason).toBe('第2步已用 4/5 个工作日');
  });
  it('honours configured thresholds', () => {
    expect(cardsDue(at(3), { reminderRatio: 0.5, redAfterOverdueDays: 0 }).map((c) => c.level)).toEqual(['REMINDER']);
    expect(cardsDue(at(6), { reminderRatio: 0.5, redAfterOverdueDays: 0 }).map((c) => c.level)).toEqual([
      'REMINDER',
      'YELLOW',
      'RED',
    ]);
  });
});
