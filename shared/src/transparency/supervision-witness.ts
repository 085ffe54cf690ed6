import fs from 'node:fs';
import path from 'node:path';
import { checkpointBody, cosignatureBody, type CheckpointStatement } from './trace-checkpoint';
import type { SigningKey } from './signing-key';

/** Why a witness refused to countersign. */
export type WitnessRefusal = 'BAD_LOG_SIGNATURE' | 'NOT_NEWER';

/** The last checkpoint a witness countersigned for one log. */
export interface WitnessedCheckpoint {
  id: number;
  issuedAt: string;
}

/**
 * The tier above, as a witness in the manner of Certificate Transparency's witness cosigning: it
 * countersigns a log's checkpoint only when the log's own signature verifies and the checkpoint is
 * newer (higher id, no earlier time) than the last one it countersigned for that log, so a log
 * cannot show two different histories under one id, nor roll its published head back. With a
 * `stateFile` (outside the database) it remembers that last checkpoint across restarts, re-read
 * before every countersignature so processes sharing the file agree.
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
  private readonly last = new Map<string, WitnessedCheckpoint>();

  constructor(
    private readonly key: SigningKey,
    private readonly logKeys: readonly SigningKey[],
    private readonly stateFile?: (ledger: string) => string,
  ) {}

  /** The key this witness countersigns with. */
  get keyId(): string {
    return this.key.id;
  }

  /**
   * The last checkpoint countersigned in `ledger`, from memory or the state file. A ledger is one
   * log in one database (`cases@<database id>`): a database created anew starts a new history.
   */
  lastCosigned(ledger: string): WitnessedCheckpoint | null {
    const file = this.stateFile?.(ledger);
    if (file && fs.existsSync(file)) {
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as WitnessedCheckpoint;
      const known = this.last.get(ledger);
      if (!known || stored.id > known.id) this.last.set(ledger, stored);
    }
    return this.last.get(ledger) ?? null;
  }

  /**
   * The countersignature of `c`, or the reason it was refused. Remembers `c` as the latest of
   * `ledger` (by default its log's name).
   */
  countersign(
    c: CheckpointStatement & { logKeyId: string; signature: string },
    ledger: string = c.log,
  ): { ok: true; cosignature: string } | { ok: false; reason: WitnessRefusal } {
    const logKey = this.logKeys.find((k) => k.id === c.logKeyId);
    if (!logKey || !logKey.verify(checkpointBody(c), c.signature)) return { ok: false, reason: 'BAD_LOG_SIGNATURE' };
    const previous = this.lastCosigned(ledger);
    if (previous && (c.id <= previous.id || c.issuedAt.getTime() < Date.parse(previous.issuedAt)))
      return { ok: false, reason: 'NOT_NEWER' };
    const witnessed = { id: c.id, issuedAt: c.issuedAt.toISOString() };
    this.last.set(ledger, witnessed);
    const file = this.stateFile?.(ledger);
    if (file) {
      // Written whole, then renamed: a reader never sees half a file.
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(witnessed), { mode: 0o600 });
      fs.renameSync(`${file}.tmp`, file);
    }
    return { ok: true, cosignature: this.key.sign(cosignatureBody(c)) };
  }
}
