import { checkpointBody, cosignatureBody, type CheckpointStatement, type TraceCheckpoint } from './trace-checkpoint';
import type { SigningKey } from './signing-key';

/** Why a witness refused to countersign. */
export type WitnessRefusal = 'BAD_LOG_SIGNATURE' | 'NOT_NEWER';

/**
 * The tier above, as a witness in the manner of Certificate Transparency's witness cosigning: it
 * countersigns a log's checkpoint only when the log's own signature verifies and the checkpoint is
 * newer (higher id, later time) than the last one it countersigned for that log, so a log cannot
 * show two different histories under one id, nor roll its published head back.
 *
 * Design chosen: one platform checkpoint per log (cases, complaints), signed by that service's log
 * key and countersigned by one separate "supervision" key, rather than per-county checkpoints
 * under county keys countersigned by the city key. The threat is an operator with database
 * superuser rights; county keys would sit on the same machine as the city key and add no holder
 * who could refuse, while a supervision key held apart (the discipline-inspection office in a real
 * deployment) is a second party that sees every head, so a verifier trusts two keys instead of
 * hundreds, and a county's cases are still covered, as leaves of its log's tree.
 */
export class SupervisionWitness {
  private readonly last = new Map<string, { id: number; issuedAt: number }>();

  constructor(
    private readonly key: SigningKey,
    private readonly logKeys: readonly SigningKey[],
  ) {}

  /** The key this witness countersigns with. */
  get keyId(): string {
    return this.key.id;
  }

  /**
   * The countersignature of `c`, or the reason it was refused. Remembers `c` as the log's latest.
   */
  countersign(
    c: CheckpointStatement & { logKeyId: string; signature: string },
  ): { ok: true; cosignature: string } | { ok: false; reason: WitnessRefusal } {
    const logKey = this.logKeys.find((k) => k.id === c.logKeyId);
    if (!logKey || !logKey.verify(checkpointBody(c), c.signature)) return { ok: false, reason: 'BAD_LOG_SIGNATURE' };
    const previous = this.last.get(c.log);
    if (previous && (c.id <= previous.id || c.issuedAt.getTime() < previous.issuedAt))
      return { ok: false, reason: 'NOT_NEWER' };
    this.last.set(c.log, { id: c.id, issuedAt: c.issuedAt.getTime() });
    return { ok: true, cosignature: this.key.sign(cosignatureBody(c)) };
  }

  /** Starts the log's record at `c` (a witness restarted from the published latest checkpoint). */
  remember(c: Pick<TraceCheckpoint, 'log' | 'id' | 'issuedAt'>): void {
    this.last.set(c.log, { id: c.id, issuedAt: c.issuedAt.getTime() });
  }
}
