import { requestScope, TraceCheckpointObject, TraceInclusionProofObject, type Principal } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import type { CaseQueryService } from '../case/case-query.service';
import type { CasesConfig } from '../cases-config';

/**
 * The case trace log as the API shows it: the latest signed checkpoint (public), and the inclusion
 * proof of a case's head, for staff in the case's scope or for the public through its progress
 * lookup (already checked against the query code).
 */
export class CaseCheckpointService {
  constructor(
    private readonly ds: DataSource,
    private readonly cases: CaseQueryService,
    private readonly config: CasesConfig,
  ) {}

  async latest(): Promise<TraceCheckpointObject | null> {
    const c = await this.config.checkpoints.latest();
    return c && TraceCheckpointObject.of(c, this.config.checkpoints.keys);
  }

  /** The proof for a case in `principal`'s scope; null when no checkpoint covers the case yet. */
  async proof(principal: Principal, caseId: string): Promise<TraceInclusionProofObject | null> {
    const c = await this.cases.get(principal, caseId);
    return this.proofOf(c.id);
  }

  /** The proof for the case numbered `number`, whose progress the caller has already been shown. */
  async proofByNumber(number: string): Promise<TraceInclusionProofObject | null> {
    // The public caller has no scope; it has shown the case's code already.
    const [row]: { id: string }[] = await requestScope.asSystem(() =>
      this.ds.query('SELECT id FROM "case" WHERE number = $1', [number]),
    );
    return row ? this.proofOf(row.id) : null;
  }

  private async proofOf(caseId: string): Promise<TraceInclusionProofObject | null> {
    const p = await this.config.checkpoints.inclusion(caseId);
    return p && TraceInclusionProofObject.of(p, this.config.checkpoints.keys);
  }
}
