import { env, readEnv } from '@sunlight/shared';

/** When cards are raised; configurable through the environment. */
export interface CardThresholds {
  /** REMINDER once a step has used this share of its time (default 0.8). */
  reminderRatio: number;
  /** RED once a step is overdue by more than this many working days (default 3). */
  redAfterOverdueDays: number;
}

/** Reads CARD_REMINDER_PERCENT (1-99, default 80) and CARD_RED_OVERDUE_DAYS (default 3). */
export function loadCardThresholds(source: NodeJS.ProcessEnv = process.env): CardThresholds {
  const raw = readEnv({ CARD_REMINDER_PERCENT: env.int(80, 1, 99), CARD_RED_OVERDUE_DAYS: env.int(3, 0, 365) }, source);
  return { reminderRatio: raw.CARD_REMINDER_PERCENT / 100, redAfterOverdueDays: raw.CARD_RED_OVERDUE_DAYS };
}
