import { platformError, PlatformErrorCode, Role, type Principal } from '@sunlight/shared';
import type { CaseRow } from '../case/case-row';
import type { RatableCase } from './ratable-case.type';
import type { DataSource } from 'typeorm';
import type { CaseQueryService } from '../case/case-query.service';
import { caseError, CaseErrorCode } from '../case/case.errors';
import type { CaseLoaders } from '../case/case.loader';
import type { CaseStatus } from '../case/case.type';
import type { CasesConfig } from '../cases-config';
import { isCaseNumber } from '../case/case-number';
import { queryCode } from '../case/query-code';
import { caseLookupRepository } from './case-lookup.repository';
import { lookupLimitedError, waitSeconds } from './lookup-limited.error';
import { lookupKeys } from './lookup-limits';
import type { CaseProgress } from './case-progress.type';

/**
 * The public progress lookup (办件查询): case number plus query code. A wrong code is answered
 * exactly like an unknown number. Failures are counted per number and client, with a doubling
 * wait, and per client across numbers ({@link LOOKUP_LIMITS}): an attacker's guesses from one
 * address never lock the owner out from another.
 */
export class CaseLookupService {
  constructor(
    private readonly ds: DataSource,
    private readonly query: CaseQueryService,
    private readonly loaders: CaseLoaders,
    private readonly config: CasesConfig,
  ) {}

  /** A case by number and query code for a service acting for a citizen (rating it). Same limits. */
  async ratable(principal: Principal, number: string, code: string): Promise<RatableCase> {
    if (principal.role !== Role.SERVICE) throw platformError(PlatformErrorCode.FORBIDDEN, '仅供阳光平台内部服务调用');
    const row = await this.checked(principal, number, code);
    const steps = await this.query.steps(row);
    return {
      caseId: row.id,
      unitCode: row.unitCode,
      powerId: row.powerId,
      powerVersion: row.powerVersion,
      powerName: row.snapshot.name,
      steps: row.snapshot.flow.map((s) => ({
        stepNo: s.stepNo,
        name: s.name,
        departmentId: s.departmentId,
        postId: s.postId,
        done: steps[s.stepNo - 1]?.state === 'DONE',
      })),
    };
  }

  /** The case with that number and code, or CASE_NOT_FOUND (counted against the number and the client). */
  private async checked(principal: Principal, number: string, code: string): Promise<CaseRow> {
    const now = this.config.now();
    const client = principal.client ?? principal.subject;
    const wanted = number.trim();
    const caseNumber = isCaseNumber(wanted) ? wanted : null;
    const keys = lookupKeys(caseNumber, client);
    const start = await caseLookupRepository.start(this.ds, keys, caseNumber, now);
    const caseWait = waitSeconds(start.pairBlockedUntil, now);
    const clientWait = waitSeconds(start.clientBlockedUntil, now);
    if (caseWait > 0 || clientWait > 0)
      throw lookupLimitedError(clientWait >= caseWait ? 'CLIENT' : 'CASE', Math.max(caseWait, clientWait));
    const row = start.row;
    if (!row || !queryCode.matches(this.config.queryCodeKey, row.id, code)) {
      await caseLookupRepository.recordFailure(this.ds, keys, now);
      throw caseError(CaseErrorCode.CASE_NOT_FOUND, '没有与该办件编号和查询码相符的办件', 'number');
    }
    if (start.pairFailures > 0) await caseLookupRepository.forgetPair(this.ds, keys.pair);
    return row;
  }

  async progress(principal: Principal, number: string, code: string): Promise<CaseProgress> {
    const row = await this.checked(principal, number, code);
    const open = row.status !== 'COMPLETED' && row.status !== 'WITHDRAWN';
    const [steps, events, clock] = await Promise.all([
      this.query.steps(row),
      this.loaders.publicEvents.load(row.id),
      open ? this.query.clock(row) : Promise.resolve(null),
    ]);
    return {
      number: row.number,
      powerName: row.snapshot.name,
      status: row.status as CaseStatus,
      receivedAt: row.receivedAt,
      completedAt: row.completedAt,
      currentStep: open ? (row.snapshot.flow[row.currentStep - 1]?.name ?? null) : null,
      currentStepDeadline: clock?.stepDeadline ?? null,
      steps: steps.map(({ stepNo, name, state, finishedAt }) => ({ stepNo, name, state, finishedAt })),
      events: events.map((e) => ({ seq: e.seq, kind: e.kind, at: e.at, hash: e.hash })),
    };
  }
}
