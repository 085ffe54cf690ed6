import { stepCardThresholds } from './case-cards';
import type { CaseProfile } from './case-story';
import type { CatalogPower } from './catalog-power';
import type { Random } from './random';

/** One planned visit of a step: its step, limit (with any extension) and working days taken. */
export interface PlannedEntry {
  stepNo: number;
  limit: number;
  days: number;
  /** Working days the extension granted at the start of this visit adds (0 for none). */
  extension: number;
  /** A suspension during the visit: after `after` working days, for `length` working days. */
  pause: { after: number; length: number } | null;
  /** How the visit ends. */
  end: 'advance' | 'return' | 'complete' | 'withdraw';
}

/** Working days a step must take at least: a publicity checkpoint holds the step after the notice. */
export function minimumDays(p: CatalogPower, stepNo: number): number {
  let min = 0;
  for (const c of p.checkpoints)
    if (c.kind === 'MIN_DAYS_BETWEEN_STEPS' && c.stepNo === stepNo) min = Math.max(min, c.params.days ?? 0);
  return min;
}

/** Working days an on-time visit takes: mostly well inside the limit, sometimes late enough for a reminder. */
function onTime(limit: number, min: number, random: Random): number {
  const reminder = stepCardThresholds(limit)[0]!.at;
  const d = random.chance(0.015) ? random.int(reminder, limit) : Math.floor(reminder * Math.pow(random.next(), 1.7));
  return Math.min(limit, Math.max(min, d));
}

/**
 * The visits of a case and the working days each takes, as its profile asks: a return from one
 * step to the one before, a withdrawal part-way, an extension, a suspension, one step overdue or
 * the whole case past its statutory limit.
 */
export function planEntries(p: CatalogPower, profile: CaseProfile, random: Random): PlannedEntry[] {
  const n = p.flow.length;
  const limitOf = (stepNo: number) => p.flow[stepNo - 1]!.timeLimitDays;
  let steps = p.flow.map((s) => s.stepNo);
  let returnAt = -1;
  const publicity = p.checkpoints.some((c) => c.kind === 'MIN_DAYS_BETWEEN_STEPS');
  if (profile.returnStep && n >= 3 && !publicity) {
    const k = random.int(2, n);
    steps = [...steps.slice(0, k), k - 1, ...steps.slice(k - 1)];
    returnAt = k - 1;
  }
  if (profile.withdraw) steps = steps.slice(0, random.int(1, steps.length));
  const entries: PlannedEntry[] = steps.map((stepNo, i) => {
    const limit = limitOf(stepNo);
    const end =
      i === steps.length - 1 ? (profile.withdraw ? 'withdraw' : 'complete') : i === returnAt ? 'return' : 'advance';
    return { stepNo, limit, days: onTime(limit, minimumDays(p, stepNo), random), extension: 0, pause: null, end };
  });
  if (profile.extend) {
    const e = random.pick(entries);
    e.extension = random.int(5, 15);
    e.days = random.chance(0.6)
      ? random.int(e.limit + 1, e.limit + e.extension)
      : onTime(e.limit + e.extension, minimumDays(p, e.stepNo), random);
  }
  if (profile.suspend) {
    // Only where the visit stays clear of every card, so no card falls inside the pause.
    const candidates = entries.filter(
      (e) => e.extension === 0 && stepCardThresholds(e.limit)[0]!.at >= 4 + minimumDays(p, e.stepNo),
    );
    if (candidates.length > 0) {
      const e = random.pick(candidates);
      e.days = Math.max(minimumDays(p, e.stepNo), random.int(0, stepCardThresholds(e.limit)[0]!.at - 3));
      e.pause = { after: random.int(0, e.days), length: random.int(1, 8) };
    }
  }
  if (profile.overdue !== 'none') {
    const candidates = entries.filter((e) => e.extension === 0 && e.pause === null);
    const o = candidates.length > 0 ? random.pick(candidates) : entries[0]!;
    const rest = entries.reduce((a, e) => a + (e === o ? 0 : e.days), 0);
    if (profile.overdue === 'step') {
      const late = random.pick([1, 1, 2, 2, 3, 4, 5, 6]);
      o.days = Math.max(o.limit + 1, Math.min(o.limit + late, p.statutoryDays - rest));
    } else {
      o.days = Math.max(o.limit + 1, p.statutoryDays + random.int(1, 12) - rest);
    }
  }
  return entries;
}

/** The plan squeezed into `available` working days: every visit shortened in proportion, none below its minimum. */
export function squeeze(p: CatalogPower, entries: PlannedEntry[], available: number): PlannedEntry[] {
  const total = entries.reduce((a, e) => a + e.days + (e.pause?.length ?? 0), 0);
  if (total <= available) return entries;
  const factor = Math.max(0, available) / total;
  return entries.map((e) => {
    const days = Math.max(minimumDays(p, e.stepNo), Math.floor(e.days * factor));
    return { ...e, days: Math.min(days, e.limit + e.extension), pause: null };
  });
}
