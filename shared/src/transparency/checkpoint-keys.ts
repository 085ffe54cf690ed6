import path from 'node:path';
import type { TraceLogName } from './trace-checkpoint';
import { SigningKey } from './signing-key';

/**
 * The two key pairs behind a log's checkpoints. They are separate pairs, and neither is in the
 * database: a database superuser who rewrites the trace cannot sign a checkpoint that hides it.
 */
export interface CheckpointKeys {
  /** The service's own log key (`<log>-log`): signs each checkpoint. */
  log: SigningKey;
  /** The supervision key (监督, the tier above the service): countersigns every log's checkpoints. */
  supervision: SigningKey;
}

/**
 * Loads (or, on first start, creates) a log's keys from `<dataDir>/keys`: `<log>-log.ed25519.pem`
 * and `supervision.ed25519.pem`, PKCS #8 PEM, mode 0600, like the other development secrets under
 * `DATA_DIR`. In a real deployment the supervision key's file belongs to the supervising office's
 * machine, and only its public half to the services' verifiers (see `SupervisionWitness`).
 */
export function loadCheckpointKeys(dataDir: string, log: TraceLogName): CheckpointKeys {
  const dir = path.join(dataDir, 'keys');
  return {
    log: SigningKey.loadOrCreate(`${log}-log`, path.join(dir, `${log}-log.ed25519.pem`)),
    supervision: SigningKey.loadOrCreate('supervision', path.join(dir, 'supervision.ed25519.pem')),
  };
}
