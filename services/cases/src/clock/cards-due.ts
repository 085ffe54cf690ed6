import type { CardLevelName } from '../case/case-row';
import { caseCardReason, stepCardReason } from './card-reason';
import type { CardThresholds } from './card-thresholds';

/** A card that should exist for a case now; `scope` makes it unique (one per step entry, or the case). */
export interface DueCard {
  level: CardLevelName;
  scope: string;
  stepNo: number | null;
  reason: string;
}

/** The clock state of one open case, in working days. */
export interface ClockState {
  stepNo: number;
  stepEntry: number;
  stepElapsed: number;
  stepLimit: number;
  caseElapsed: number;
  caseLimit: number;
}

/**
 * The cards (提醒 / 黄牌 / 红牌) a case has earned: REMINDER when the step has used the reminder
 * share of its time, YELLOW when the step is overdue, RED when the step is overdue by more than
 * the red threshold or the case has passed its statutory limit. Pure; the scheduler stores them
 * idempotently.
 */
export function cardsDue(s: ClockState, t: CardThresholds): DueCard[] {
  const cards: DueCard[] = [];
  const step = `step:${s.stepEntry}`;
  if (s.stepElapsed >= Math.ceil(s.stepLimit * t.reminderRatio)) {
    cards.push({
      level: 'REMINDER',
      scope: step,
      stepNo: s.stepNo,
      reason: stepCardReason('REMINDER', s.stepNo, s.stepElapsed, s.stepLimit, t.redAfterOverdueDays),
    });
  }
  if (s.stepElapsed > s.stepLimit) {
    cards.push({
      level: 'YELLOW',
      scope: step,
      stepNo: s.stepNo,
      reason: stepCardReason('YELLOW', s.stepNo, s.stepElapsed, s.stepLimit, t.redAfterOverdueDays),
    });
  }
  if (s.stepElapsed - s.stepLimit > t.redAfterOverdueDays) {
    cards.push({
      level: 'RED',
      scope: step,
      stepNo: s.stepNo,
      reason: stepCardReason('RED', s.stepNo, s.stepElapsed, s.stepLimit, t.redAfterOverdueDays),
    });
  }
  if (s.caseElapsed > s.caseLimit) {
    cards.push({
      level: 'RED',
      scope: 'case',
      stepNo: null,
      reason: caseCardReason(s.caseElapsed, s.caseLimit),
    });
  }
  return cards;
}
