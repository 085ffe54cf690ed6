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
import type { CaseProgress } from './case-progress.type';

/** Failed lookups one client may make per window before it is refused. */
export const LOOKUP_FAILURES_PER_WINDOW = 20;
const WINDOW_MS = 10 * 60 * 1000;

/**
 * The public progress lookup (办件查询): case number plus query code. A wrong code is answered
 * exactly like an unknown number, and each client may fail only so often per window.
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
    if (principal.role !== Role.SERVICE) throw platformError(PlatformErrorCode.FORBIDDEN, 'for Sunlight services only');
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

  /** The case with that number and code, or CASE_NOT_FOUND (counted against the client). */
  private async checked(principal: Principal, number: string, code: string): Promise<CaseRow> {
    const now = this.config.now();
    const client = principal.client ?? principal.subject;
    const window = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
    const wanted = number.trim();
    const { failures, row } = await caseLookupRepository.start(
      this.ds,
      client,
      window,
      isCaseNumber(wanted) ? wanted : null,
    );
    if (failures >= LOOKUP_FAILURES_PER_WINDOW) {
      throw platformError(
        PlatformErrorCode.RATE_LIMITED,
        'too many failed lookups from your address; try again in a few minutes',
      );
    }
    if (!row || !queryCode.matches(this.config.queryCodeKey, row.id, code)) {
      await caseLookupRepository.recordFailure(this.ds, client, window);
      throw caseError(CaseErrorCode.CASE_NOT_FOUND, 'no case with that number and query code', 'number');
    }
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
