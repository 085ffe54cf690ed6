import { requestScope, TraceCheckpointObject, TraceInclusionProofObject } from '@sunlight/shared';
import type { DataSource } from 'typeorm';
import type { ComplaintsConfig } from '../complaints-config';

/**
 * The complaint trace log as the API shows it: the latest signed checkpoint (public), and the
 * inclusion proof of a complaint's head for its complainant, through the follow-up lookup (already
 * checked against the follow-up code).
 */
export class ComplaintCheckpointService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: ComplaintsConfig,
  ) {}

  async latest(): Promise<TraceCheckpointObject | null> {
    const c = await this.config.checkpoints.latest();
    return c && TraceCheckpointObject.of(c, this.config.checkpoints.keys);
  }

  /** The proof for the complaint numbered `number`, whose progress the caller has already been shown. */
  async proofByNumber(number: string): Promise<TraceInclusionProofObject | null> {
    // The public caller has no scope; it has shown the complaint's follow-up code already.
    const [row]: { id: string }[] = await requestScope.asSystem(() =>
      this.ds.query('SELECT id FROM complaint WHERE number = $1', [number]),
    );
    const p = row ? await this.config.checkpoints.inclusion(row.id) : null;
    return p && TraceInclusionProofObject.of(p, this.config.checkpoints.keys);
  }
}
