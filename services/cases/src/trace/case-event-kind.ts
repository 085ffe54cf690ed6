/** What a trace event records. */
export type CaseEventKind =
  | 'FILED'
  | 'STEP_ADVANCED'
  | 'RETURNED'
  | 'SUSPENDED'
  | 'RESUMED'
  | 'EXTENDED'
  | 'COMPLETED'
  | 'WITHDRAWN'
  | 'CHECKPOINT_BLOCKED'
  | 'ACTION_REFUSED'
  | 'CARD_RAISED';

/** An attachment as the trace records it: content-addressed. */
export interface AttachmentRef {
  name: string;
  sha256: string;
  size: number;
  mediaType: string;
}
