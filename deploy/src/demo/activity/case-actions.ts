import { caseTexts } from '../../generate/case-texts';
import type { Random } from '../../generate/random';
import { DOCUMENTS, type CaseState } from './activity-documents';
import type { ApiCaller } from './api-caller';
import { CasePlan } from './case-plan';
import type { CityDirectory } from './city-directory';
import type { Answer } from './gateway-client';
import type { SimCase } from './sim-case';

/** How the simulated clerks and leaders behave. */
export interface CaseHabits {
  /** Chance that a filed case gets one rule wrong once (a refused attempt, then put right). */
  slipRate: number;
  /** Chance, at a step, of suspending the case (then resuming it later) instead of advancing. */
  suspendRate: number;
  /** Chance, past the first step, of sending the case back one step. */
  returnRate: number;
  /** Chance that the leader rejects instead of approving. */
  rejectRate: number;
  /** How long a case waits after a publicity period refused it (working days must pass). */
  waitMs: number;
}

export const DEFAULT_HABITS: CaseHabits = {
  slipRate: 0.1,
  suspendRate: 0.04,
  returnRate: 0.04,
  rejectRate: 0.08,
  waitMs: 4 * 3_600_000,
};

/** Refusals in a row after which the simulator leaves a case alone. */
const GIVE_UP_AFTER = 3;
/** Codes after which acting on the case again cannot succeed. */
const FINAL = new Set(['CASE_CLOSED', 'CASE_NOT_FOUND']);

/**
 * What clerks and leaders do to cases, through the API only: a department's clerk files a case
 * of a published power and handles each step (the step's department's clerk), sometimes suspends
 * and later resumes it or sends it back a step; the unit's leader, who handled none of its steps,
 * decides it at the last step (separation of duties).
 */
export class CaseActions {
  constructor(
    private readonly api: ApiCaller,
    private readonly directory: CityDirectory,
    private readonly random: Random,
    private readonly habits: CaseHabits,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Files a case under a random workable power of `unit` (with `quick`, one without a publicity
   * period, which can be done within a session); null when it did not: refused (counted as an
   * action), or nothing to file there, or stopping.
   */
  async file(unit: string, quick: boolean): Promise<SimCase | null> {
    const powers = await this.directory.workablePowers(unit);
    if (!powers) return null;
    const candidates = quick
      ? powers.filter((p) => !p.checkpoints.some((c) => c.kind === 'MIN_DAYS_BETWEEN_STEPS'))
      : powers;
    if (candidates.length === 0) return null;
    const power = this.random.pick(candidates);
    const clerk = this.directory.clerkOf(unit, power.department.id)!;
    const plan = new CasePlan(power, this.directory.placeOf(unit), this.random, this.habits.slipRate);
    const answer = await this.api.act<{ fileCase: { queryCode: string; case: CaseState & { number: string } } }>(
      'fileCase',
      DOCUMENTS.fileCase,
      { input: { powerId: power.id, ...plan.filing } },
      clerk,
      { unit, power: power.name },
    );
    if (!answer?.ok) return null;
    const filed = answer.data.fileCase;
    return {
      id: filed.case.id,
      number: filed.case.number,
      queryCode: filed.queryCode,
      unit,
      plan,
      currentStep: filed.case.currentStep,
      status: filed.case.status,
      slipped: false,
      notBefore: 0,
      refusals: 0,
    };
  }

  /** One step of work on `c`; answers the step it finished, if it finished one. */
  async progress(c: SimCase): Promise<{ finished?: number }> {
    const flow = c.plan.power.flow;
    const step = flow[c.currentStep - 1];
    if (!step) return this.abandon(c);
    const clerk = this.directory.clerkOf(c.unit, step.departmentId);
    const about = { unit: c.unit, case: c.number, step: c.currentStep };
    if (c.status === 'SUSPENDED') {
      if (!clerk) return this.abandon(c);
      return this.settle(
        c,
        await this.api.act<{ resumeCase: CaseState }>(
          'resumeCase',
          DOCUMENTS.resumeCase,
          { caseId: c.id },
          clerk,
          about,
        ),
      );
    }
    const last = c.currentStep === flow.length;
    const slip = c.plan.slipStep === c.currentStep && !c.slipped;
    if (!last && clerk && this.random.chance(this.habits.suspendRate)) {
      const [reason, note] = caseTexts.suspension(this.random);
      const input = { caseId: c.id, reason, note };
      return this.settle(c, await this.api.act('suspendCase', DOCUMENTS.suspendCase, { input }, clerk, about));
    }
    if (clerk && c.currentStep > 1 && this.random.chance(this.habits.returnRate)) {
      const input = { caseId: c.id, toStep: c.currentStep - 1, reason: caseTexts.returnReason(this.random) };
      return this.settle(c, await this.api.act('returnCase', DOCUMENTS.returnCase, { input }, clerk, about));
    }
    if (slip) c.slipped = true;
    const leaving = c.plan.leave(c.currentStep, slip);
    if (last) {
      const outcome = this.random.chance(this.habits.rejectRate) ? 'REJECTED' : 'APPROVED';
      const decision = { ...leaving };
      delete decision.contractChange; // a contract changes on the way, not with the decision
      const input = { caseId: c.id, outcome, result: caseTexts.completion(outcome, this.random), ...decision };
      const leader = this.directory.leaderOf(c.unit);
      if (!leader) return this.abandon(c);
      const answer = await this.api.act('completeCase', DOCUMENTS.completeCase, { input }, leader, {
        ...about,
        outcome,
      });
      return this.settle(c, answer, c.currentStep);
    }
    if (!clerk) return this.abandon(c);
    const input = { caseId: c.id, result: caseTexts.stepResult(step.name, this.random), ...leaving };
    const answer = await this.api.act('advanceCase', DOCUMENTS.advanceCase, { input }, clerk, about);
    return this.settle(c, answer, c.currentStep);
  }

  /** Nobody the simulator knows may act on `c` where it stands (the catalog and the accounts disagree): leave it. */
  private abandon(c: SimCase): { finished?: number } {
    c.status = 'ABANDONED';
    return {};
  }

  /** Takes in the answer to an action on `c`: its new state, or what a refusal means for it. */
  private settle(
    c: SimCase,
    answer: Answer<Record<string, CaseState>> | Answer<unknown> | null,
    leaving?: number,
  ): { finished?: number } {
    if (answer === null) return {}; // stopping: the case stays as it was
    if (!answer.ok) {
      const codes = answer.errors.map((e) => e.code);
      if (codes.some((code) => FINAL.has(code))) c.status = 'ABANDONED';
      else if (codes.includes('CHECKPOINT_VIOLATED') && c.plan.waits(c.currentStep))
        c.notBefore = this.now() + this.habits.waitMs; // the publicity period has not run out
      else if (++c.refusals >= GIVE_UP_AFTER) c.status = 'ABANDONED';
      return {};
    }
    c.refusals = 0;
    const state = Object.values(answer.data as Record<string, CaseState>)[0];
    if (!state) return {};
    const finished = leaving !== undefined && (state.status === 'COMPLETED' || state.currentStep > leaving);
    c.status = state.status;
    c.currentStep = state.currentStep;
    return finished ? { finished: leaving } : {};
  }
}
