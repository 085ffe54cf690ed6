/** An event as written to a service's outbox and read by its consumers. */
export interface OutboxEvent<P = Record<string, unknown>> {
  /** Unique within the source service; consumers dedupe by (source, id). */
  id: string;
  /** The writing transaction's id; with `id`, the read order. */
  txid: string;
  topic: string;
  /** The unit the event concerns, for scope filtering downstream. */
  unitCode: string | null;
  aggregateId: string;
  payload: P;
  createdAt: Date;
}

/** What a publisher provides. */
export interface NewOutboxEvent<P = Record<string, unknown>> {
  topic: string;
  unitCode?: string | null;
  aggregateId: string;
  payload: P;
}
