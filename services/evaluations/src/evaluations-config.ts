import type { Upstream } from './clients/upstream';

/** What the evaluations service is built with, once per process. */
export interface EvaluationsConfig {
  upstream: Upstream;
  /** Keys (HMAC) for stage hashes, device keys and ballot codes; derived from the internal secret. */
  stageKey: Uint8Array;
  deviceKey: Uint8Array;
  ballotKey: Uint8Array;
  now: () => Date;
}
