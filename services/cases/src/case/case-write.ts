import type { CaseRow } from './case-row';

/**
 * What a case mutation answers with: the case and its row as the mutation's transaction left it,
 * or `row: null` when a retry was answered from the first request's stored result (the case is
 * then read as it stands).
 */
export interface CaseWrite {
  caseId: string;
  row: CaseRow | null;
}
