import {
  checkPageSize,
  cursor,
  platformError,
  PlatformErrorCode,
  Role,
  scope,
  toPage,
  unitCode,
  type Page,
  type Principal,
  type TraceVerdict,
  isUuid,
} from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { caseClock, type CaseClock } from '../clock/case-clock';
import { caseTrace } from '../trace/case-trace';
import { toCaseRow, type CaseRow } from './case-row';
import { caseError, CaseErrorCode } from './case.errors';
import type { CaseLoaders } from './case.loader';
import { toCase, type Case, type CaseStep, type FiledCase } from './case.type';
import type { CaseWrite } from './case-write';
import type { Filed } from './case-filing.service';
import type { CasesConfig } from '../cases-config';

/** Filters of a unit's case list. */
export interface CaseFilter {
  status?: string | null;
  card?: string | null;
  overdue?: boolean | null;
  powerId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Reads cases for staff in scope (the public uses the progress lookup instead). */
export class CaseQueryService {
  constructor(
    private readonly ds: DataSource,
    private readonly loaders: CaseLoaders,
    private readonly config: CasesConfig,
  ) {}

  canSee(principal: Principal, c: Pick<CaseRow, 'unitCode'>): boolean {
    return principal.role === Role.SERVICE || (principal.role !== Role.PUBLIC && scope.canRead(principal, c.unitCode));
  }

  async find(principal: Principal, id: string): Promise<CaseRow | null> {
    if (!isUuid(id)) return null;
    const row = await this.loaders.case.load(id.toLowerCase());
    return row && this.canSee(principal, row) ? row : null;
  }

  async get(principal: Principal, id: string): Promise<Case> {
    const row = await this.find(principal, id);
    if (!row) throw caseError(CaseErrorCode.CASE_NOT_FOUND, `您的管辖范围内没有办件 ${id}`, 'id');
    return toCase(row);
  }

  /**
   * The case a mutation wrote, as its transaction left it (primed into the loader); read as it
   * stands when the mutation was a retry answered from its first result.
   */
  async written(principal: Principal, w: CaseWrite): Promise<Case> {
    if (!w.row || !this.canSee(principal, w.row)) return this.get(principal, w.caseId);
    this.loaders.case.prime(w.row.id, w.row);
    return toCase(w.row);
  }

  /** The receipt of a filing (回执): the case, its query code, the hash of its first event and its promised date. */
  async receipt(principal: Principal, filed: Filed): Promise<FiledCase> {
    const c = await this.written(principal, filed);
    const receiptHash = filed.receiptHash ?? (await this.loaders.events.load(filed.caseId))[0]?.hash ?? '';
    return { case: c, queryCode: filed.queryCode, receiptHash, promisedBy: this.promisedBy(c.row) };
  }

  /** Cases of `unit`'s subtree (default the caller's unit), newest first. */
  async list(
    principal: Principal,
    unit: string | undefined,
    filter: CaseFilter,
    first: number,
    after?: string | null,
  ): Promise<Page<Case>> {
    if (principal.role === Role.PUBLIC)
      throw platformError(
        PlatformErrorCode.UNAUTHENTICATED,
        '请先登录再查看办件列表；公众可凭办件编号和查询码查询办理进度',
      );
    checkPageSize(first);
    const root = unit ?? principal.unit;
    if (!root || !unitCode.isValid(root))
      throw platformError(PlatformErrorCode.VALIDATION_FAILED, '单位须为 12 位行政区划代码', 'unit');
    scope.assertCanRead(principal, root);
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = [scope.subtreeCondition('unit_code', root, p)];
    if (filter.status) where.push(`status = ${p(filter.status)}`);
    if (filter.card) where.push(`card_level = ${p(filter.card)}`);
    if (filter.overdue === true) where.push(`card_level IN ('YELLOW', 'RED')`);
    if (filter.overdue === false) where.push(`(card_level IS NULL OR card_level = 'REMINDER')`);
    if (filter.powerId) {
      if (!isUuid(filter.powerId))
        throw platformError(PlatformErrorCode.VALIDATION_FAILED, 'powerId 须为权力事项编号', 'filter.powerId');
      where.push(`power_id = ${p(filter.powerId)}::uuid`);
    }
    if (filter.from) where.push(`received_at >= ${p(filter.from)}`);
    if (filter.to) where.push(`received_at < ${p(filter.to)}`);
    if (after) {
      const [at, id] = cursor.decode(after, 2);
      where.push(`(received_at, id) < (${p(new Date(String(at)))}, ${p(String(id))}::uuid)`);
    }
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT * FROM "case" WHERE ${where.join(' AND ')} ORDER BY received_at DESC, id DESC LIMIT ${p(first + 1)}`,
      params,
    );
    const cases = rows.map(toCaseRow).map((r) => {
      this.loaders.case.prime(r.id, r);
      return toCase(r);
    });
    return toPage(cases, first, (c) => [c.receivedAt.toISOString(), c.id]);
  }

  /** The case's clock now (working days, deadline). */
  async clock(row: CaseRow): Promise<CaseClock> {
    return caseClock(row, await this.loaders.pauses.load(row.id), this.config.calendar, this.config.now());
  }

  /** Local date the case is due under its promised limit (承诺时限), counted from filing. */
  promisedBy(row: CaseRow): string {
    return this.config.calendar.addWorkingDays(row.receivedAt, row.snapshot.promisedDays + row.caseExtensionDays);
  }

  async steps(row: CaseRow): Promise<CaseStep[]> {
    const log = await this.loaders.stepLog.load(row.id);
    const open = row.status !== 'COMPLETED' && row.status !== 'WITHDRAWN';
    return row.snapshot.flow.map((s) => {
      const finished = log.filter((l) => l.step_no === s.stepNo && l.finished_at).pop();
      const current = open && s.stepNo === row.currentStep;
      return {
        stepNo: s.stepNo,
        name: s.name,
        timeLimitDays: s.timeLimitDays + (current ? row.stepExtensionDays : 0),
        state: current ? 'CURRENT' : s.stepNo < row.currentStep || !open ? (finished ? 'DONE' : 'PENDING') : 'PENDING',
        finishedAt: finished?.finished_at ?? null,
      };
    });
  }

  async verifyTrace(principal: Principal, id: string): Promise<TraceVerdict> {
    const row = await this.find(principal, id);
    if (!row || principal.role === Role.SERVICE)
      throw caseError(CaseErrorCode.CASE_NOT_FOUND, `您的管辖范围内没有办件 ${id}`, 'caseId');
    const chain = await caseTrace.verify(this.ds.manager, row.id);
    if (!chain.ok) return chain;
    // The chain is whole; its head as of the latest signed checkpoint must still be on it.
    const held = await this.config.checkpoints.check(row.id);
    return held.ok ? chain : { ok: false, brokenAtSeq: held.brokenAtSeq, reason: held.reason };
  }
}
