import { caseCardReason as casesCaseCardReason, stepCardReason as casesStepCardReason } from '@sunlight/cases';
import type { StoryCard } from './case-story';

/** The cases service's default card thresholds (CARD_REMINDER_PERCENT=80, CARD_RED_OVERDUE_DAYS=3). */
export const REMINDER_RATIO = 80 / 100;
export const RED_AFTER_OVERDUE_DAYS = 3;
export const CARD_RANK: Record<StoryCard['level'], number> = { REMINDER: 1, YELLOW: 2, RED: 3 };

/** Elapsed working days at which the clock raises each step card for a step limit (as `cardsDue` decides). */
export function stepCardThresholds(limit: number): { level: StoryCard['level']; at: number }[] {
  return [
    // the same floating-point expression as the service, so 15 * 0.8 rounds up to 13 there and here
    { level: 'REMINDER', at: Math.ceil(limit * REMINDER_RATIO) },
    { level: 'YELLOW', at: limit + 1 },
    { level: 'RED', at: limit + RED_AFTER_OVERDUE_DAYS + 1 },
  ];
}

/** The reason `cardsDue` gives a step card raised at `elapsed` working days (the cases service's own text). */
export function stepCardReason(level: StoryCard['level'], stepNo: number, elapsed: number, limit: number): string {
  return casesStepCardReason(level, stepNo, elapsed, limit, RED_AFTER_OVERDUE_DAYS);
}

/** The reason of the case card (RED, scope `case`). */
export function caseCardReason(elapsed: number, limit: number): string {
  return casesCaseCardReason(elapsed, limit);
}
