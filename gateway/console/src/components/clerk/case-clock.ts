import type { CaseClockFields } from '../../api/clerk-queries';

/** A case's clocks in the terms a clerk works by. */
export interface CaseClock {
  stepName: string;
  stepLimitDays: number | null;
  used: number;
  /** Working days left under the promised limit (承诺时限); negative once past it; null when closed. */
  left: number | null;
  promisedDays: number | null;
  statutoryDays: number | null;
  due: string;
}

const OPEN = new Set(['RECEIVED', 'IN_PROGRESS', 'SUSPENDED']);

export function caseClock(c: CaseClockFields): CaseClock {
  const step = c.steps.find((s) => s.state === 'CURRENT') ?? c.steps.find((s) => s.stepNo === c.currentStep);
  const open = OPEN.has(c.status);
  const promisedDays = c.power?.promisedDays ?? null;
  let due = '—';
  if (c.status === 'SUSPENDED') due = '已中止（停止计时）';
  else if (c.currentStepDeadline) due = `${c.currentStepDeadline}${c.currentStepDeadlineProvisional ? '（暂定）' : ''}`;
  return {
    stepName: open ? (step?.name ?? '—') : '—',
    stepLimitDays: open ? (step?.timeLimitDays ?? null) : null,
    used: c.workingDaysElapsed,
    left: open && promisedDays !== null ? promisedDays - c.workingDaysElapsed : null,
    promisedDays,
    statutoryDays: c.power?.statutoryDays ?? null,
    due,
  };
}

/** "剩余 3 个工作日" or "超期 2 个工作日". */
export function leftText(left: number | null): string {
  if (left === null) return '—';
  return left >= 0 ? `剩余 ${left} 个工作日` : `超期 ${-left} 个工作日`;
}
