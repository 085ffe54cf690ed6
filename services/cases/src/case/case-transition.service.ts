import {
  AppError,
  attachmentStore,
  publishEvent,
  Role,
  runIdempotent,
  scope,
  Validation,
  type AttachmentRef,
  type CheckpointViolation,
  type EventPayloads,
  type Principal,
  isUuid,
} from '@sunlight/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { evaluateCheckpoints } from '../checkpoint/evaluate-checkpoints';
import type { SnapshotStep } from '../clients/power-snapshot';
import type { CaseEventKind } from '../trace/case-event-kind';
import { caseTrace } from '../trace/case-trace';
import { checkText, mergeAmounts } from './case-input.validation';
import type { CaseRow, CaseStatusName } from './case-row';
import type { CaseWrite } from './case-write';
import { caseRepository, type CaseHistory, type CasePatch } from './case.repository';
import { caseError, CaseErrorCode } from './case.errors';
import { CASES_SCHEMA } from './case-filing.service';
import { caseRef } from './case-ref';
import type {
  AdvanceCaseInput,
  CompleteCaseInput,
  ExtendCaseInput,
  ReturnCaseInput,
  SuspendCaseInput,
} from './case.input';
import type { CasesConfig } from '../cases-config';

/** Refusals that are written to the trace: the actor could see the case and tried. */
const RECORDED = new Set<string>([
  CaseErrorCode.CHECKPOINT_VIOLATED,
  CaseErrorCode.SEPARATION_OF_DUTIES,
  CaseErrorCode.NOT_HANDLER,
  CaseErrorCode.INVALID_TRANSITION,
]);

/** Each transition's outbox topic, by the kind of its trace event. */
const TOPIC = {
  STEP_ADVANCED: 'case.step_advanced',
  COMPLETED: 'case.completed',
  RETURNED: 'case.returned',
  SUSPENDED: 'case.suspended',
  RESUMED: 'case.resumed',
  EXTENDED: 'case.extended',
  WITHDRAWN: 'case.withdrawn',
} as const satisfies Partial<Record<CaseEventKind, keyof EventPayloads>>;
type TransitionKind = keyof typeof TOPIC;
/** What every transition's event says of where the case stood; `record` adds it. */
type Standing = 'caseId' | 'number' | 'powerId' | 'powerVersion' | 'step' | 'hash';
/** A transition as traced: its kind and its details, which its event carries after the standing. */
type Transition = {
  [K in TransitionKind]: { kind: K; details: Omit<EventPayloads[(typeof TOPIC)[K]], Standing> };
}[TransitionKind];

interface Act {
  em: EntityManager;
  /** The case as locked; its trace head moves as events are appended, the rest stays as it was. */
  c: CaseRow;
  now: Date;
  step: SnapshotStep;
  /** The case's past (read once, on first use, after the lock). */
  history: () => Promise<CaseHistory>;
}

/**
 * Moves cases through their flow. Each transition locks the case, checks who may act (the post
 * of the current step or the unit's leader), enforces the step's checkpoints, and writes the new
 * state, a trace event and an outbox event in one transaction, idempotently by key. A refused
 * attempt by someone who can see the case is itself traced, in a transaction of its own.
 */
export class CaseTransitionService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: CasesConfig,
  ) {}

  /**
   * Runs one transition; `body` applies the rules, writes the case row once and returns it as
   * written. The answer carries that row (with the trace head the body moved) so that nothing is
   * read again to answer the mutation.
   */
  private async act(
    principal: Principal,
    caseId: string,
    key: string,
    operation: string,
    input: unknown,
    body: (a: Act) => Promise<CaseRow>,
  ): Promise<CaseWrite> {
    scope.assertRole(principal, [Role.CLERK, Role.LEADER], '办理办件');
    const written: { row: CaseRow | null } = { row: null };
    try {
      const ref = await runIdempotent(
        this.ds,
        { principal, key, operation: `${operation}:${caseId}`, input },
        async (em) => {
          const c = await this.lock(em, principal, caseId);
          const step = c.snapshot.flow[c.currentStep - 1]!;
          let history: Promise<CaseHistory> | undefined;
          const row = await body({
            em,
            c,
            now: this.config.now(),
            step,
            history: () => (history ??= caseRepository.history(em, c)),
          });
          written.row = { ...row, lastSeq: c.lastSeq, lastHash: c.lastHash };
          return { caseId };
        },
      );
      return { caseId: ref.caseId, row: written.row };
    } catch (e) {
      if (e instanceof AppError && RECORDED.has(e.code)) await this.recordRefusal(principal, caseId, operation, e, key);
      throw e;
    }
  }

  private async lock(em: EntityManager, principal: Principal, caseId: string): Promise<CaseRow> {
    const row = isUuid(caseId) ? await caseRepository.lock(em, caseId) : null;
    if (!row || !scope.canRead(principal, row.unitCode))
      throw caseError(CaseErrorCode.CASE_NOT_FOUND, `您的管辖范围内没有办件 ${caseId}`, 'caseId');
    return row;
  }

  private async recordRefusal(
    principal: Principal,
    caseId: string,
    operation: string,
    error: AppError,
    key: string,
  ): Promise<void> {
    await this.ds.transaction(async (em) => {
      const c = await this.lock(em, principal, caseId).catch(() => null);
      if (!c) return;
      const kind: CaseEventKind =
        error.code === CaseErrorCode.CHECKPOINT_VIOLATED ? 'CHECKPOINT_BLOCKED' : 'ACTION_REFUSED';
      if (await caseRepository.hasEvent(em, c.id, kind, key)) return; // a retry of the same refused request
      const violations = (error.extensions['violations'] as CheckpointViolation[] | undefined) ?? [];
      const now = this.config.now();
      await caseTrace.append(em, c, {
        kind,
        actor: principal.subject,
        at: now,
        payload: { operation, code: error.code, message: error.message, step: c.currentStep, violations },
        idempotencyKey: key,
      });
      if (kind === 'CHECKPOINT_BLOCKED') {
        await publishEvent(em, CASES_SCHEMA, {
          topic: 'case.checkpoint_blocked',
          unitCode: c.unitCode,
          aggregateId: c.id,
          payload: {
            ...caseRef(c),
            step: c.currentStep,
            actor: principal.subject,
            violations,
          },
        });
      }
    });
  }

  private assertOpen(c: CaseRow, allowSuspended = false): void {
    if (c.status === 'COMPLETED' || c.status === 'WITHDRAWN')
      throw caseError(
        CaseErrorCode.CASE_CLOSED,
        `办件 ${c.number} ${c.status === 'COMPLETED' ? '已办结' : '已撤回'}`,
        'caseId',
      );
    if (c.status === 'SUSPENDED' && !allowSuspended)
      throw caseError(CaseErrorCode.INVALID_TRANSITION, `办件 ${c.number} 已暂停，请先恢复办理`, 'caseId');
  }

  /** The post of the current step, or the unit's leader, may act. */
  private assertHandler(principal: Principal, c: CaseRow, step: SnapshotStep): void {
    const ok =
      principal.unit === c.unitCode &&
      (principal.role === Role.LEADER ||
        (principal.role === Role.CLERK &&
          (principal.post ? principal.post === step.postId : principal.department === step.departmentId)));
    if (!ok)
      throw caseError(
        CaseErrorCode.NOT_HANDLER,
        `只有负责第${step.stepNo}步（${step.name}）的岗位或本单位领导才能办理该环节`,
        'caseId',
      );
  }

  /** Checks the current step's checkpoints; throws CHECKPOINT_VIOLATED naming each broken rule. */
  private async enforce(
    a: Act,
    amounts: CaseRow['amounts'],
    attachments: AttachmentRef[],
    payment: number | null,
    contractChange: number | null,
  ): Promise<void> {
    const history = await a.history();
    const violations = evaluateCheckpoints(a.c.snapshot.checkpoints, {
      stepNo: a.c.currentStep,
      attachmentNames: [...history.attachmentNames, ...attachments.map((x) => x.name)],
      amounts,
      payment,
      contractChange,
      workingDaysSince: (stepNo) => {
        const finishedAt = history.finishedAt.get(stepNo);
        return finishedAt ? this.config.calendar.workingDaysBetween(finishedAt, a.now) : null;
      },
    });
    if (violations.length === 0) return;
    const error = caseError(CaseErrorCode.CHECKPOINT_VIOLATED, violations.map((x) => x.message).join('；'));
    (error.extensions as Record<string, unknown>)['violations'] = violations;
    throw error;
  }

  /** Finishes the current step and enters `stepNo` (with `patch` written alongside). */
  private moveTo(
    a: Act,
    actor: string,
    stepNo: number,
    status: CaseStatusName,
    patch: CasePatch = {},
  ): Promise<CaseRow> {
    return caseRepository.write(
      a.em,
      a.c,
      {
        ...patch,
        currentStep: stepNo,
        stepEntry: a.c.stepEntry + 1,
        stepStartedAt: a.now,
        stepExtensionDays: 0,
        status,
      },
      { finishStep: { at: a.now, by: actor }, enterStep: { stepNo, at: a.now } },
    );
  }

  private async record(
    a: Act,
    actor: string,
    key: string,
    t: Transition,
    attachments: AttachmentRef[] = [],
  ): Promise<void> {
    const { hash } = await caseTrace.append(a.em, a.c, {
      kind: t.kind,
      actor,
      at: a.now,
      payload: t.details,
      attachments,
      idempotencyKey: key,
    });
    await publishEvent(a.em, CASES_SCHEMA, {
      topic: TOPIC[t.kind],
      unitCode: a.c.unitCode,
      aggregateId: a.c.id,
      payload: {
        ...caseRef(a.c),
        step: a.c.currentStep,
        hash,
        ...t.details,
      },
    });
  }

  advance(principal: Principal, input: AdvanceCaseInput, key: string) {
    return this.act(principal, input.caseId, key, 'advanceCase', input, async (a) => {
      this.assertOpen(a.c);
      if (a.c.currentStep >= a.c.snapshot.flow.length)
        throw caseError(CaseErrorCode.INVALID_TRANSITION, '这是最后一步，请直接办结办件', 'caseId');
      this.assertHandler(principal, a.c, a.step);
      const v = new Validation();
      checkText(v, input.result, 'result');
      const amounts = mergeAmounts(v, input.amounts, a.c.amounts);
      const payment = input.payment ?? null;
      const change = input.contractChange ?? null;
      v.check(payment === null || (Number.isFinite(payment) && payment > 0), 'payment', '须为正数金额');
      v.check(change === null || (Number.isFinite(change) && change !== 0), 'contractChange', '须为非零金额');
      const contents = attachmentStore.validate(v, input.attachments ?? []);
      v.throwIfAny();
      if (payment !== null) amounts.paidTotal = (amounts.paidTotal ?? 0) + payment;
      if (change !== null) amounts.changeTotal = (amounts.changeTotal ?? 0) + Math.abs(change);
      const pending = (input.attachments ?? []).map((u, i) => ({
        name: u.name.trim(),
        sha256: '',
        size: contents[i]!.length,
        mediaType: u.mediaType,
      }));
      await this.enforce(a, amounts, pending, payment, change);
      const attachments = await attachmentStore.store(a.em, input.attachments ?? [], contents);
      const from = a.c.currentStep;
      const row = await this.moveTo(a, principal.subject, from + 1, 'IN_PROGRESS', { amounts });
      await this.record(
        a,
        principal.subject,
        key,
        {
          kind: 'STEP_ADVANCED',
          details: { from, to: from + 1, result: input.result, payment, contractChange: change },
        },
        attachments,
      );
      return row;
    });
  }

  complete(principal: Principal, input: CompleteCaseInput, key: string) {
    return this.act(principal, input.caseId, key, 'completeCase', input, async (a) => {
      this.assertOpen(a.c);
      if (a.c.currentStep !== a.c.snapshot.flow.length)
        throw caseError(CaseErrorCode.INVALID_TRANSITION, `办件当前在第${a.c.currentStep}步，不能跳过环节`, 'caseId');
      this.assertHandler(principal, a.c, a.step);
      const history = await a.history();
      if (history.handlers.has(principal.subject)) {
        throw caseError(CaseErrorCode.SEPARATION_OF_DUTIES, '您办理过该办件的前序环节，不能再作出决定', 'caseId');
      }
      const v = new Validation();
      checkText(v, input.result, 'result');
      const amounts = mergeAmounts(v, input.amounts, a.c.amounts);
      // The payment rule is checked where the payment is made: a final payment comes with the decision.
      const payment = input.payment ?? null;
      v.check(payment === null || (Number.isFinite(payment) && payment > 0), 'payment', '须为正数金额');
      const contents = attachmentStore.validate(v, input.attachments ?? []);
      v.throwIfAny();
      if (payment !== null) amounts.paidTotal = (amounts.paidTotal ?? 0) + payment;
      const pending = (input.attachments ?? []).map((u, i) => ({
        name: u.name.trim(),
        sha256: '',
        size: contents[i]!.length,
        mediaType: u.mediaType,
      }));
      await this.enforce(a, amounts, pending, payment, null);
      const attachments = await attachmentStore.store(a.em, input.attachments ?? [], contents);
      const workingDays = this.config.calendar.elapsedWorkingDays(a.c.receivedAt, a.now, history.pauses);
      const onTime = workingDays <= a.c.snapshot.statutoryDays + a.c.caseExtensionDays;
      const row = await caseRepository.write(
        a.em,
        a.c,
        {
          status: 'COMPLETED',
          outcome: input.outcome as CaseRow['outcome'],
          completedAt: a.now,
          amounts,
          workingDays,
          onTime,
        },
        { finishStep: { at: a.now, by: principal.subject } },
      );
      await this.record(
        a,
        principal.subject,
        key,
        { kind: 'COMPLETED', details: { outcome: input.outcome, result: input.result, payment, workingDays, onTime } },
        attachments,
      );
      return row;
    });
  }

  returnTo(principal: Principal, input: ReturnCaseInput, key: string) {
    return this.act(principal, input.caseId, key, 'returnCase', input, async (a) => {
      this.assertOpen(a.c);
      this.assertHandler(principal, a.c, a.step);
      const v = new Validation();
      v.check(
        Number.isInteger(input.toStep) && input.toStep >= 1 && input.toStep < a.c.currentStep,
        'toStep',
        `须为之前的环节（第 1-${a.c.currentStep - 1} 步）`,
      );
      checkText(v, input.reason, 'reason');
      v.throwIfAny();
      const from = a.c.currentStep;
      const row = await this.moveTo(a, principal.subject, input.toStep, 'IN_PROGRESS');
      await this.record(a, principal.subject, key, {
        kind: 'RETURNED',
        details: { from, to: input.toStep, reason: input.reason },
      });
      return row;
    });
  }

  suspend(principal: Principal, input: SuspendCaseInput, key: string) {
    return this.act(principal, input.caseId, key, 'suspendCase', input, async (a) => {
      this.assertOpen(a.c);
      this.assertHandler(principal, a.c, a.step);
      const v = new Validation();
      checkText(v, input.note, 'note');
      v.throwIfAny();
      const row = await caseRepository.write(
        a.em,
        a.c,
        { status: 'SUSPENDED', suspendedSince: a.now },
        { startPause: { at: a.now, reason: input.reason } },
      );
      await this.record(a, principal.subject, key, {
        kind: 'SUSPENDED',
        details: { reason: input.reason, note: input.note },
      });
      return row;
    });
  }

  resume(principal: Principal, caseId: string, key: string) {
    return this.act(principal, caseId, key, 'resumeCase', {}, async (a) => {
      this.assertOpen(a.c, true);
      if (a.c.status !== 'SUSPENDED')
        throw caseError(CaseErrorCode.INVALID_TRANSITION, `办件 ${a.c.number} 未暂停`, 'caseId');
      this.assertHandler(principal, a.c, a.step);
      const status: CaseStatusName = a.c.stepEntry === 1 ? 'RECEIVED' : 'IN_PROGRESS';
      const row = await caseRepository.write(a.em, a.c, { status, suspendedSince: null }, { endPause: { at: a.now } });
      await this.record(a, principal.subject, key, {
        kind: 'RESUMED',
        details: { suspendedSince: a.c.suspendedSince?.toISOString() ?? null },
      });
      return row;
    });
  }

  extend(principal: Principal, input: ExtendCaseInput, key: string) {
    return this.act(principal, input.caseId, key, 'extendCase', input, async (a) => {
      this.assertOpen(a.c, true);
      if (principal.role !== Role.LEADER || principal.unit !== a.c.unitCode) {
        throw caseError(CaseErrorCode.NOT_HANDLER, '延期只能由办件所在单位的领导批准', 'caseId');
      }
      if ((await a.history()).handlers.has(principal.subject)) {
        throw caseError(CaseErrorCode.SEPARATION_OF_DUTIES, '您办理过该办件，不能批准其延期', 'caseId');
      }
      const v = new Validation();
      v.check(Number.isInteger(input.days) && input.days >= 1 && input.days <= 30, 'days', '须为 1-30 个工作日');
      checkText(v, input.reason, 'reason');
      v.throwIfAny();
      // The row is locked, so adding to what it holds is what `+ days` in SQL would give.
      const row = await caseRepository.write(a.em, a.c, {
        stepExtensionDays: a.c.stepExtensionDays + input.days,
        caseExtensionDays: a.c.caseExtensionDays + input.days,
      });
      await this.record(a, principal.subject, key, {
        kind: 'EXTENDED',
        details: { days: input.days, reason: input.reason },
      });
      return row;
    });
  }

  withdraw(principal: Principal, caseId: string, reason: string, key: string) {
    return this.act(principal, caseId, key, 'withdrawCase', { reason }, async (a) => {
      this.assertOpen(a.c, true);
      this.assertHandler(principal, a.c, a.step);
      const v = new Validation();
      checkText(v, reason, 'reason');
      v.throwIfAny();
      const row = await caseRepository.write(
        a.em,
        a.c,
        { status: 'WITHDRAWN', completedAt: a.now, suspendedSince: null },
        { endPause: { at: a.now }, finishStep: { at: a.now, by: principal.subject } },
      );
      await this.record(a, principal.subject, key, { kind: 'WITHDRAWN', details: { reason } });
      return row;
    });
  }
}
