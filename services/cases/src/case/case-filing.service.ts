import { randomUUID } from 'node:crypto';
import {
  attachmentStore,
  GENESIS_HASH,
  publishEvent,
  Role,
  runIdempotent,
  scope,
  Validation,
  type Principal,
  isUuid,
} from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import { caseTrace } from '../trace/case-trace';
import { checkApplicant, checkText, mergeAmounts } from './case-input.validation';
import { caseError, CaseErrorCode } from './case.errors';
import type { FileCaseInput } from './case.input';
import type { CasesConfig } from '../cases-config';
import type { CaseAmounts } from '../checkpoint/case-amounts';
import type { PowerSnapshot } from '../clients/power-snapshot';
import type { CaseRow } from './case-row';
import type { CaseWrite } from './case-write';
import { caseRepository, type NewCase } from './case.repository';
import { queryCode } from './query-code';

/** The service's Postgres schema (its outbox lives there). */
export const CASES_SCHEMA = 'cases';

/** What filing returns (and a retry returns again). */
export interface FiledRef {
  caseId: string;
  number: string;
  queryCode: string;
}

/** A filing's answer: the stored reference, plus the row and receipt when this request wrote them. */
export interface Filed extends FiledRef, CaseWrite {
  /** Hash of the FILED event; null when a retry was answered from the stored result. */
  receiptHash: string | null;
}

/**
 * Files cases (受理). A CLERK of the power's responsible department, or a LEADER of its unit,
 * files under the published version of a power of its own unit; the case snapshots that version
 * and runs under it even after the power changes.
 */
export class CaseFilingService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: CasesConfig,
  ) {}

  async file(principal: Principal, input: FileCaseInput, idempotencyKey: string): Promise<Filed> {
    scope.assertRole(principal, [Role.CLERK, Role.LEADER], '受理办件');
    const v = new Validation();
    checkApplicant(v, input.applicant);
    checkText(v, input.details, 'details', 4000);
    const amounts = mergeAmounts(v, input.amounts, {});
    const contents = attachmentStore.validate(v, input.attachments ?? []);
    v.check(isUuid(input.powerId), 'powerId', '须为权力事项编号');
    v.throwIfAny();

    const written: { row: CaseRow | null; receiptHash: string | null } = { row: null, receiptHash: null };
    const ref = await runIdempotent(
      this.ds,
      { principal, key: idempotencyKey, operation: 'fileCase', input },
      async (em): Promise<FiledRef> => {
        let snapshot;
        try {
          snapshot = await this.config.powers.publishedSnapshot(input.powerId);
        } catch {
          throw caseError(
            CaseErrorCode.POWERS_UNAVAILABLE,
            '暂时无法连接权力清单服务，请稍后用同一 idempotencyKey 重试',
          );
        }
        if (!snapshot || snapshot.flow.length === 0)
          throw caseError(CaseErrorCode.POWER_NOT_AVAILABLE, `权力事项 ${input.powerId} 未公布`, 'powerId');
        if (snapshot.unitCode !== principal.unit)
          throw caseError(
            CaseErrorCode.NOT_RESPONSIBLE,
            `权力事项 ${snapshot.code} 属于单位 ${snapshot.unitCode}，不属于您的单位`,
            'powerId',
          );
        if (principal.role === Role.CLERK && principal.department !== snapshot.departmentId) {
          throw caseError(
            CaseErrorCode.NOT_RESPONSIBLE,
            `只有“${snapshot.name}”的责任部门才能受理该事项的办件`,
            'powerId',
          );
        }
        const now = this.config.now();
        const year = Number(this.config.calendar.localDate(now).slice(0, 4));
        const id = randomUUID();
        const applicant = {
          name: input.applicant.name.trim(),
          idNumber: input.applicant.idNumber.toUpperCase(),
          phone: input.applicant.phone,
        };
        const number = await caseRepository.insertFiled(em, {
          id,
          snapshot,
          year,
          applicant,
          details: input.details,
          amounts,
          at: now,
          filedBy: principal.subject,
          genesisHash: GENESIS_HASH,
        });
        const attachments = await attachmentStore.store(em, input.attachments ?? [], contents);
        const row = filedRow({
          id,
          number,
          snapshot,
          applicant,
          details: input.details,
          amounts,
          at: now,
          filedBy: principal.subject,
        });
        const { hash } = await caseTrace.append(em, row, {
          kind: 'FILED',
          actor: principal.subject,
          at: now,
          payload: { number, powerId: snapshot.id, powerVersion: snapshot.version, step: 1, details: input.details },
          attachments,
          idempotencyKey,
        });
        written.row = row;
        written.receiptHash = hash;
        await publishEvent(em, CASES_SCHEMA, {
          topic: 'case.filed',
          unitCode: snapshot.unitCode,
          aggregateId: id,
          payload: { caseId: id, number, powerId: snapshot.id, powerVersion: snapshot.version },
        });
        return { caseId: id, number, queryCode: '' };
      },
    );
    return { ...ref, queryCode: queryCode.for(this.config.queryCodeKey, ref.caseId), ...written };
  }
}

/** The row `insertFiled` stored, as `toCaseRow` would read it back (before the trace's first event). */
function filedRow(f: {
  id: string;
  number: string;
  snapshot: PowerSnapshot;
  applicant: NewCase['applicant'];
  details: string;
  amounts: CaseAmounts;
  at: Date;
  filedBy: string;
}): CaseRow {
  return {
    id: f.id,
    number: f.number,
    unitCode: f.snapshot.unitCode,
    departmentId: f.snapshot.departmentId,
    powerId: f.snapshot.id,
    powerVersion: f.snapshot.version,
    snapshot: f.snapshot,
    applicantName: f.applicant.name,
    applicantIdNumber: f.applicant.idNumber,
    applicantPhone: f.applicant.phone,
    details: f.details,
    amounts: f.amounts,
    status: 'RECEIVED',
    outcome: null,
    currentStep: 1,
    stepEntry: 1,
    stepStartedAt: f.at,
    stepExtensionDays: 0,
    caseExtensionDays: 0,
    receivedAt: f.at,
    completedAt: null,
    suspendedSince: null,
    cardLevel: null,
    filedBy: f.filedBy,
    lastSeq: 0,
    lastHash: GENESIS_HASH,
  };
}
