import { AppError, attachmentStore, publishEvent, Role, runIdempotent, scope, Validation, type AttachmentRef, type Principal, isUuid } from '@sunlight/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { evaluateCheckpoints } from '../checkpoint/evaluate-checkpoints';
import type { SnapshotStep } from '../powers-client/power-snapshot';
import type { CaseEventKind } from '../trace/case-event-kind';
import { caseTrace } from '../trace/case-trace';
import { checkText, mergeAmounts } from './case-input.validation';
import { toCaseRow, type CaseRow, type CaseStatusName } from './case-row';
import { caseError, CaseErrorCode } from './case.errors';
import { CASES_SCHEMA } from './case-filing.service';
import type { AdvanceCaseInput, CompleteCaseInput, ExtendCaseInput, ReturnCaseInput, SuspendCaseInput } from './case.input';
import type { CasesConfig } from './cases-config';

/** Refusals that are written to the trace: the actor could see the case and tried. */
const RECORDED = new Set<string>([CaseErrorCode.CHECKPOINT_VIOLATED, CaseErrorCode.SEPARATION_OF_DUTIES, CaseErrorCode.NOT_HANDLER, CaseErrorCode.INVALID_TRANSITION]);

interface Act {
  em: EntityManager;
  c: CaseRow;
  now: Date;
  step: SnapshotStep;
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

  private async act(principal: Principal, caseId: string, key: string, operation: string, input: unknown, body: (a: Act) => Promise<void>): Promise<{ caseId: string }> {
    scope.assertRole(principal, [Role.CLERK, Role.LEADER], 'act on cases');
    try {
      return await runIdempotent(this.ds, { principal, key, operation: `${operation}:${caseId}`, input }, async (em) => {
        const c = await this.lock(em, principal, caseId);
        const step = c.snapshot.flow[c.currentStep - 1]!;
        await body({ em, c, now: this.config.now(), step });
        return { caseId };
      });
    } catch (e) {
      if (e instanceof AppError && RECORDED.has(e.code)) await this.recordRefusal(principal, caseId, operation, e, key);
      throw e;
    }
  }

  private async lock(em: EntityManager, principal: Principal, caseId: string): Promise<CaseRow> {
    const rows: Record<string, unknown>[] = isUuid(caseId) ? await em.query('SELECT * FROM "case" WHERE id = $1 FOR UPDATE', [caseId]) : [];
    const row = rows[0] ? toCaseRow(rows[0]) : null;
    if (!row || !scope.canRead(principal, row.unitCode)) throw caseError(CaseErrorCode.CASE_NOT_FOUND, `no case ${caseId} in your scope`, 'caseId');
    return row;
  }

  private async recordRefusal(principal: Principal, caseId: string, operation: string, error: AppError, key: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const c = await this.lock(em, principal, caseId).catch(() => null);
      if (!c) return;
      const kind: CaseEventKind = error.code === CaseErrorCode.CHECKPOINT_VIOLATED ? 'CHECKPOINT_BLOCKED' : 'ACTION_REFUSED';
      const [seen] = await em.query('SELECT 1 FROM case_event WHERE case_id = $1 AND kind = $2 AND idempotency_key = $3', [caseId, kind, key]);
      if (seen) return; // a retry of the same refused request
      const violations = (error.extensions['violations'] as unknown[] | undefined) ?? [];
      const now = this.config.now();
      await caseTrace.append(em, c, { kind, actor: principal.subject, at: now, payload: { operation, code: error.code, message: error.message, step: c.currentStep, violations }, idempotencyKey: key });
      if (kind === 'CHECKPOINT_BLOCKED') {
        await publishEvent(em, CASES_SCHEMA, {
          topic: 'case.checkpoint_blocked',
          unitCode: c.unitCode,
          aggregateId: c.id,
          payload: { caseId: c.id, number: c.number, powerId: c.powerId, powerVersion: c.powerVersion, step: c.currentStep, actor: principal.subject, violations },
        });
      }
    });
  }

  private assertOpen(c: CaseRow, allowSuspended = false): void {
    if (c.status === 'COMPLETED' || c.status === 'WITHDRAWN') throw caseError(CaseErrorCode.CASE_CLOSED, `case ${c.number} is ${c.status.toLowerCase()}`, 'caseId');
    if (c.status === 'SUSPENDED' && !allowSuspended) throw caseError(CaseErrorCode.INVALID_TRANSITION, `case ${c.number} is suspended; resume it first`, 'caseId');
  }

  /** The post of the current step, or the unit's leader, may act. */
  private assertHandler(principal: Principal, c: CaseRow, step: SnapshotStep): void {
    const ok =
      principal.unit === c.unitCode &&
      (principal.role === Role.LEADER || (principal.role === Role.CLERK && (principal.post ? principal.post === step.postId : principal.department === step.departmentId)));
    if (!ok) throw caseError(CaseErrorCode.NOT_HANDLER, `only the post handling step ${step.stepNo} (${step.name}) or the unit's leader may act on it`, 'caseId');
  }

  private async handlers(em: EntityManager, c: CaseRow): Promise<Set<string>> {
    const rows: { handled_by: string }[] = await em.query('SELECT DISTINCT handled_by FROM case_step_log WHERE case_id = $1 AND handled_by IS NOT NULL', [c.id]);
    return new Set([c.filedBy, ...rows.map((r) => r.handled_by)]);
  }

  private async attachmentNames(em: EntityManager, caseId: string): Promise<string[]> {
    const rows: { name: string }[] = await em.query(`SELECT a->>'name' AS name FROM case_event e, jsonb_array_elements(e.attachments) a WHERE e.case_id = $1`, [caseId]);
    return rows.map((r) => r.name);
  }

  /** Checks the current step's checkpoints; throws CHECKPOINT_VIOLATED naming each broken rule. */
  private async enforce(a: Act, amounts: CaseRow['amounts'], attachments: AttachmentRef[], payment: number | null, contractChange: number | null): Promise<void> {
    const finished: { step_no: number; finished_at: Date }[] = await a.em.query(
      'SELECT DISTINCT ON (step_no) step_no, finished_at FROM case_step_log WHERE case_id = $1 AND finished_at IS NOT NULL ORDER BY step_no, finished_at DESC',
      [a.c.id],
    );
    const violations = evaluateCheckpoints(a.c.snapshot.checkpoints, {
      stepNo: a.c.currentStep,
      attachmentNames: [...(await this.attachmentNames(a.em, a.c.id)), ...attachments.map((x) => x.name)],
      amounts,
      payment,
      contractChange,
      workingDaysSince: (stepNo) => {
        const f = finished.find((r) => r.step_no === stepNo);
        return f ? this.config.calendar.workingDaysBetween(f.finished_at, a.now) : null;
      },
    });
    if (violations.length === 0) return;
    const error = caseError(CaseErrorCode.CHECKPOINT_VIOLATED, violations.map((x) => x.message).join('; '));
    (error.extensions as Record<string, unknown>)['violations'] = violations;
    throw error;
  }

  private async moveTo(a: Act, actor: string, stepNo: number, status: CaseStatusName): Promise<void> {
    await a.em.query('UPDATE case_step_log SET finished_at = $3, handled_by = $4 WHERE case_id = $1 AND entry = $2', [a.c.id, a.c.stepEntry, a.now, actor]);
    await a.em.query('INSERT INTO case_step_log (case_id, entry, step_no, started_at) VALUES ($1, $2, $3, $4)', [a.c.id, a.c.stepEntry + 1, stepNo, a.now]);
    await a.em.query(
      'UPDATE "case" SET current_step = $2, step_entry = step_entry + 1, step_started_at = $3, step_extension_days = 0, status = $4 WHERE id = $1',
      [a.c.id, stepNo, a.now, status],
    );
  }

  private async record(a: Act, kind: CaseEventKind, actor: string, key: string, payload: Record<string, unknown>, attachments: AttachmentRef[] = []): Promise<void> {
    const { hash } = await caseTrace.append(a.em, a.c, { kind, actor, at: a.now, payload, attachments, idempotencyKey: key });
    await publishEvent(a.em, CASES_SCHEMA, {
      topic: `case.${kind.toLowerCase()}`,
      unitCode: a.c.unitCode,
      aggregateId: a.c.id,
      payload: { caseId: a.c.id, number: a.c.number, powerId: a.c.powerId, powerVersion: a.c.powerVersion, step: a.c.currentStep, hash, ...payload },
    });
  }

  advance(principal: Principal, input: AdvanceCaseInput, key: string) {
    return this.act(principal, input.caseId, key, 'advanceCase', input, async (a) => {
      this.assertOpen(a.c);
      if (a.c.currentStep >= a.c.snapshot.flow.length) throw caseError(CaseErrorCode.INVALID_TRANSITION, 'this is the last step: complete the case instead', 'caseId');
      this.assertHandler(principal, a.c, a.step);
      const v = new Validation();
      checkText(v, input.result, 'result');
      const amounts = mergeAmounts(v, input.amounts, a.c.amounts);
      const payment = input.payment ?? null;
      const change = input.contractChange ?? null;
      v.check(payment === null || (Number.isFinite(payment) && payment > 0), 'payment', 'must be a positive amount');
      v.check(change === null || (Number.isFinite(change) && change !== 0), 'contractChange', 'must be a non-zero amount');
      const contents = attachmentStore.validate(v, input.attachments ?? []);
      v.throwIfAny();
      if (payment !== null) amounts.paidTotal = (amounts.paidTotal ?? 0) + payment;
      if (change !== null) amounts.changeTotal = (amounts.changeTotal ?? 0) + Math.abs(change);
      const pending = (input.attachments ?? []).map((u, i) => ({ name: u.name.trim(), sha256: '', size: contents[i]!.length, mediaType: u.mediaType }));
      await this.enforce(a, amounts, pending, payment, change);
      const attachments = await attachmentStore.store(a.em, input.attachments ?? [], contents);
      await a.em.query('UPDATE "case" SET amounts = $2 WHERE id = $1', [a.c.id, JSON.stringify(amounts)]);
      const from = a.c.currentStep;
      await this.moveTo(a, principal.subject, from + 1, 'IN_PROGRESS');
      await this.record(a, 'STEP_ADVANCED', principal.subject, key, { from, to: from + 1, result: input.result, payment, contractChange: change }, attachments);
    });
  }

  complete(principal: Principal, input: CompleteCaseInput, key: string) {
    return this.act(principal, input.caseId, key, 'completeCase', input, async (a) => {
      this.assertOpen(a.c);
      if (a.c.currentStep !== a.c.snapshot.flow.length) throw caseError(CaseErrorCode.INVALID_TRANSITION, `the case is at step ${a.c.currentStep}; steps cannot be skipped`, 'caseId');
      this.assertHandler(principal, a.c, a.step);
      if ((await this.handlers(a.em, a.c)).has(principal.subject)) {
        throw caseError(CaseErrorCode.SEPARATION_OF_DUTIES, 'you handled an earlier step of this case and may not also decide it', 'caseId');
      }
      const v = new Validation();
      checkText(v, input.result, 'result');
      const amounts = mergeAmounts(v, input.amounts, a.c.amounts);
      const contents = attachmentStore.validate(v, input.attachments ?? []);
      v.throwIfAny();
      const pending = (input.attachments ?? []).map((u, i) => ({ name: u.name.trim(), sha256: '', size: contents[i]!.length, mediaType: u.mediaType }));
      await this.enforce(a, amounts, pending, null, null);
      const attachments = await attachmentStore.store(a.em, input.attachments ?? [], contents);
      await a.em.query('UPDATE case_step_log SET finished_at = $3, handled_by = $4 WHERE case_id = $1 AND entry = $2', [a.c.id, a.c.stepEntry, a.now, principal.subject]);
      const pauses: { from: Date; to: Date | null }[] = await a.em.query('SELECT started_at AS "from", ended_at AS "to" FROM case_pause WHERE case_id = $1', [a.c.id]);
      const workingDays = this.config.calendar.elapsedWorkingDays(a.c.receivedAt, a.now, pauses);
      const onTime = workingDays <= a.c.snapshot.statutoryDays + a.c.caseExtensionDays;
      await a.em.query(`UPDATE "case" SET status = 'COMPLETED', outcome = $2, completed_at = $3, amounts = $4, working_days = $5, on_time = $6 WHERE id = $1`, [
        a.c.id,
        input.outcome,
        a.now,
        JSON.stringify(amounts),
        workingDays,
        onTime,
      ]);
      await this.record(a, 'COMPLETED', principal.subject, key, { outcome: input.outcome, result: input.result, workingDays, onTime }, attachments);
    });
  }

  returnTo(principal: Principal, input: ReturnCaseInput, key: string) {
    return this.act(principal, input.caseId, key, 'returnCase', input, async (a) => {
      this.assertOpen(a.c);
      this.assertHandler(principal, a.c, a.step);
      const v = new Validation();
      v.check(Number.isInteger(input.toStep) && input.toStep >= 1 && input.toStep < a.c.currentStep, 'toStep', `must be an earlier step (1-${a.c.currentStep - 1})`);
      checkText(v, input.reason, 'reason');
      v.throwIfAny();
      const from = a.c.currentStep;
      await this.moveTo(a, principal.subject, input.toStep, 'IN_PROGRESS');
      await this.record(a, 'RETURNED', principal.subject, key, { from, to: input.toStep, reason: input.reason });
    });
  }

  suspend(principal: Principal, input: SuspendCaseInput, key: string) {
    return this.act(principal, input.caseId, key, 'suspendCase', input, async (a) => {
      this.assertOpen(a.c);
      this.assertHandler(principal, a.c, a.step);
      const v = new Validation();
      checkText(v, input.note, 'note');
      v.throwIfAny();
      await a.em.query('INSERT INTO case_pause (case_id, started_at, reason) VALUES ($1, $2, $3)', [a.c.id, a.now, input.reason]);
      await a.em.query(`UPDATE "case" SET status = 'SUSPENDED', suspended_since = $2 WHERE id = $1`, [a.c.id, a.now]);
      await this.record(a, 'SUSPENDED', principal.subject, key, { reason: input.reason, note: input.note });
    });
  }

  resume(principal: Principal, caseId: string, key: string) {
    return this.act(principal, caseId, key, 'resumeCase', {}, async (a) => {
      this.assertOpen(a.c, true);
      if (a.c.status !== 'SUSPENDED') throw caseError(CaseErrorCode.INVALID_TRANSITION, `case ${a.c.number} is not suspended`, 'caseId');
      this.assertHandler(principal, a.c, a.step);
      await a.em.query('UPDATE case_pause SET ended_at = $2 WHERE case_id = $1 AND ended_at IS NULL', [a.c.id, a.now]);
      const status: CaseStatusName = a.c.stepEntry === 1 ? 'RECEIVED' : 'IN_PROGRESS';
      await a.em.query('UPDATE "case" SET status = $2, suspended_since = NULL WHERE id = $1', [a.c.id, status]);
      await this.record(a, 'RESUMED', principal.subject, key, { suspendedSince: a.c.suspendedSince?.toISOString() ?? null });
    });
  }

  extend(principal: Principal, input: ExtendCaseInput, key: string) {
    return this.act(principal, input.caseId, key, 'extendCase', input, async (a) => {
      this.assertOpen(a.c, true);
      if (principal.role !== Role.LEADER || principal.unit !== a.c.unitCode) {
        throw caseError(CaseErrorCode.NOT_HANDLER, "only the leader of the case's unit approves an extension", 'caseId');
      }
      if ((await this.handlers(a.em, a.c)).has(principal.subject)) {
        throw caseError(CaseErrorCode.SEPARATION_OF_DUTIES, 'you handled this case and may not approve its extension', 'caseId');
      }
      const v = new Validation();
      v.check(Number.isInteger(input.days) && input.days >= 1 && input.days <= 30, 'days', 'must be 1-30 working days');
      checkText(v, input.reason, 'reason');
      v.throwIfAny();
      await a.em.query('UPDATE "case" SET step_extension_days = step_extension_days + $2, case_extension_days = case_extension_days + $2 WHERE id = $1', [a.c.id, input.days]);
      await this.record(a, 'EXTENDED', principal.subject, key, { days: input.days, reason: input.reason });
    });
  }

  withdraw(principal: Principal, caseId: string, reason: string, key: string) {
    return this.act(principal, caseId, key, 'withdrawCase', { reason }, async (a) => {
      this.assertOpen(a.c, true);
      this.assertHandler(principal, a.c, a.step);
      const v = new Validation();
      checkText(v, reason, 'reason');
      v.throwIfAny();
      await a.em.query('UPDATE case_pause SET ended_at = $2 WHERE case_id = $1 AND ended_at IS NULL', [a.c.id, a.now]);
      await a.em.query('UPDATE case_step_log SET finished_at = $3, handled_by = $4 WHERE case_id = $1 AND entry = $2', [a.c.id, a.c.stepEntry, a.now, principal.subject]);
      await a.em.query(`UPDATE "case" SET status = 'WITHDRAWN', completed_at = $2, suspended_since = NULL WHERE id = $1`, [a.c.id, a.now]);
      await this.record(a, 'WITHDRAWN', principal.subject, key, { reason });
    });
  }
}
