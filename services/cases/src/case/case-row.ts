import type { CaseAmounts } from '../checkpoint/case-amounts';
import type { PowerSnapshot } from '../clients/power-snapshot';

/** Lifecycle of a case. */
export type CaseStatusName = 'RECEIVED' | 'IN_PROGRESS' | 'SUSPENDED' | 'COMPLETED' | 'WITHDRAWN';
/** Card levels, mildest first. */
export type CardLevelName = 'REMINDER' | 'YELLOW' | 'RED';

/** A case as stored (snake_case columns mapped by `toCaseRow`). */
export interface CaseRow {
  id: string;
  number: string;
  unitCode: string;
  departmentId: string;
  powerId: string;
  powerVersion: number;
  snapshot: PowerSnapshot;
  applicantName: string;
  applicantIdNumber: string;
  applicantPhone: string;
  details: string;
  amounts: CaseAmounts;
  status: CaseStatusName;
  outcome: 'APPROVED' | 'REJECTED' | null;
  currentStep: number;
  stepEntry: number;
  stepStartedAt: Date;
  stepExtensionDays: number;
  caseExtensionDays: number;
  receivedAt: Date;
  completedAt: Date | null;
  suspendedSince: Date | null;
  cardLevel: CardLevelName | null;
  filedBy: string;
  lastSeq: number;
  lastHash: string;
}

/** Maps a `SELECT * FROM "case"` row. */
export function toCaseRow(r: Record<string, unknown>): CaseRow {
  return {
    id: r['id'] as string,
    number: r['number'] as string,
    unitCode: r['unit_code'] as string,
    departmentId: r['department_id'] as string,
    powerId: r['power_id'] as string,
    powerVersion: r['power_version'] as number,
    snapshot: r['power_snapshot'] as PowerSnapshot,
    applicantName: r['applicant_name'] as string,
    applicantIdNumber: r['applicant_id_number'] as string,
    applicantPhone: r['applicant_phone'] as string,
    details: r['details'] as string,
    amounts: r['amounts'] as CaseAmounts,
    status: r['status'] as CaseStatusName,
    outcome: r['outcome'] as CaseRow['outcome'],
    currentStep: r['current_step'] as number,
    stepEntry: r['step_entry'] as number,
    stepStartedAt: r['step_started_at'] as Date,
    stepExtensionDays: r['step_extension_days'] as number,
    caseExtensionDays: r['case_extension_days'] as number,
    receivedAt: r['received_at'] as Date,
    completedAt: r['completed_at'] as Date | null,
    suspendedSince: r['suspended_since'] as Date | null,
    cardLevel: r['card_level'] as CardLevelName | null,
    filedBy: r['filed_by'] as string,
    lastSeq: r['last_seq'] as number,
    lastHash: r['last_hash'] as string,
  };
}
