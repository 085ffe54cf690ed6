import type { CaseEventKind } from '@sunlight/cases';
import type { AttachmentRef } from '@sunlight/shared';

/** A trace event of a case, as the cases service would have appended it. */
export interface StoryEvent {
  /** Every kind but the refusals, which generated stories never contain. */
  kind: Exclude<CaseEventKind, 'CHECKPOINT_BLOCKED' | 'ACTION_REFUSED'>;
  actor: string;
  at: number;
  payload: Record<string, unknown>;
  attachments: AttachmentRef[];
}

/** A row of `case_step_log`: one visit of a step. */
export interface StoryEntry {
  entry: number;
  stepNo: number;
  startedAt: number;
  finishedAt: number | null;
  handledBy: string | null;
}

/** A card the clock raised (提醒 / 黄牌 / 红牌), unique per (level, scope). */
export interface StoryCard {
  level: 'REMINDER' | 'YELLOW' | 'RED';
  scope: string;
  stepNo: number | null;
  reason: string;
  raisedAt: number;
}

export interface StoryPause {
  startedAt: number;
  endedAt: number | null;
  reason: string;
}

export type CaseStatusName = 'RECEIVED' | 'IN_PROGRESS' | 'SUSPENDED' | 'COMPLETED' | 'WITHDRAWN';

/** A case's whole history up to the generator's "now", consistent across every table. */
export interface CaseStory {
  status: CaseStatusName;
  outcome: 'APPROVED' | 'REJECTED' | null;
  currentStep: number;
  stepEntry: number;
  stepStartedAt: number;
  stepExtensionDays: number;
  caseExtensionDays: number;
  completedAt: number | null;
  suspendedSince: number | null;
  cardLevel: StoryCard['level'] | null;
  workingDays: number | null;
  onTime: boolean | null;
  amounts: Record<string, number>;
  entries: StoryEntry[];
  events: StoryEvent[];
  cards: StoryCard[];
  pauses: StoryPause[];
}

/** What happens to one case, drawn before its timeline is laid out. */
export interface CaseProfile {
  /** none; one step overdue but the case within its statutory limit; or past the statutory limit. */
  overdue: 'none' | 'step' | 'statutory';
  withdraw: boolean;
  suspend: boolean;
  extend: boolean;
  returnStep: boolean;
  reject: boolean;
}
