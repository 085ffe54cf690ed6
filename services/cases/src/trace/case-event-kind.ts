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
