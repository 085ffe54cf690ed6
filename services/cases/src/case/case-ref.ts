import type { CaseRow } from './case-row';

/**
 * What every case event's payload starts with (the events contract's `CaseRef`): which case, by
 * id and number, and the power version it runs under.
 */
export function caseRef(c: Pick<CaseRow, 'id' | 'number' | 'powerId' | 'powerVersion'>): {
  caseId: string;
  number: string;
  powerId: string;
  powerVersion: number;
} {
  return { caseId: c.id, number: c.number, powerId: c.powerId, powerVersion: c.powerVersion };
}
