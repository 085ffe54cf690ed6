import type { PowerContent, PowerStepContent } from '@sunlight/powers';
import type { QuotedText } from './bulk-writer';

/** A step of a generated power's flow. */
export interface CatalogStep extends PowerStepContent {
  stepNo: number;
}

/**
 * A published power of the generated catalog (version 1): the powers service's content of a
 * version, with its identity and what case generation needs.
 */
export interface CatalogPower extends Omit<PowerContent, 'category' | 'supervisorDepartmentId' | 'flow'> {
  id: string;
  unitCode: string;
  code: string;
  category: string;
  supervisorDepartmentId: string;
  flow: CatalogStep[];
  /** Relative popularity: how many cases it gets compared with the unit's other powers. */
  weight: number;
  /** The case's `power_snapshot` as the cases service stores it, serialised and quoted once (every case of the power carries it). */
  snapshotText: QuotedText;
}
