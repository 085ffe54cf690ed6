import type { CasePlan } from './case-plan';

/** A case the simulator filed and follows, as far as it knows it. */
export interface SimCase {
  id: string;
  number: string;
  queryCode: string;
  unit: string;
  plan: CasePlan;
  currentStep: number;
  status: string;
  /** Whether the plan's slip has been made (it is made once). */
  slipped: boolean;
  /** Epoch ms before which nobody acts on it (a publicity period runs). */
  notBefore: number;
  /** Refusals in a row; the case is left alone after a few. */
  refusals: number;
}

/** Whether a case is still the simulator's to move. */
export function isOpen(c: SimCase): boolean {
  return c.status !== 'COMPLETED' && c.status !== 'WITHDRAWN' && c.status !== 'ABANDONED';
}
