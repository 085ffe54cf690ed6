/** The kinds of action the simulator takes. */
export type ActionKind =
  | 'fileCase'
  | 'advanceCase'
  | 'completeCase'
  | 'returnCase'
  | 'suspendCase'
  | 'resumeCase'
  | 'rateCase'
  | 'fileComplaint';

/** What happened so far: actions done and refused by kind, refusal codes, unanswered requests. */
export interface ActivityCounts {
  done: Partial<Record<ActionKind, number>>;
  refused: Partial<Record<ActionKind, number>>;
  /** How often each error code refused an action. */
  refusalCodes: Record<string, number>;
  /** Requests the gateway did not answer (each retried with the same idempotency key). */
  unanswered: number;
  /** Actions taken (done or refused). */
  actions: number;
}

/** Counts the simulator's actions for its log, its tests and its operator. */
export class ActivityTally {
  private readonly counts: ActivityCounts = { done: {}, refused: {}, refusalCodes: {}, unanswered: 0, actions: 0 };

  done(kind: ActionKind): void {
    this.counts.done[kind] = (this.counts.done[kind] ?? 0) + 1;
    this.counts.actions += 1;
  }

  refused(kind: ActionKind, codes: readonly string[]): void {
    this.counts.refused[kind] = (this.counts.refused[kind] ?? 0) + 1;
    for (const code of new Set(codes)) this.counts.refusalCodes[code] = (this.counts.refusalCodes[code] ?? 0) + 1;
    this.counts.actions += 1;
  }

  unanswered(): void {
    this.counts.unanswered += 1;
  }

  snapshot(): ActivityCounts {
    return structuredClone(this.counts);
  }
}
