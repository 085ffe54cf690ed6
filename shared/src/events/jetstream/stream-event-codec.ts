import type { OutboxEvent } from '../outbox-event';

/** An outbox event as it travels in the stream (JSON): the event and the service whose outbox wrote it. */
interface StreamEventJson {
  source: string;
  id: string;
  txid: string;
  topic: string;
  unitCode: string | null;
  aggregateId: string;
  payload: unknown;
  createdAt: string;
}

/**
 * The message body of an event in the stream, and back. A message carries exactly what the outbox
 * row holds, so a consumer reading the stream handles the same {@link OutboxEvent} it would have read
 * from the outbox.
 */
export const streamEventCodec = {
  /** The JetStream message id of `source`'s event: JetStream drops a second publish of it. */
  messageId(source: string, event: Pick<OutboxEvent, 'id' | 'txid'>): string {
    // The txid too: an outbox rebuilt from scratch (ids restarting at 1) is not mistaken for the old one.
    return `${source}:${event.txid}:${event.id}`;
  },
  encode(source: string, e: OutboxEvent): string {
    const body: StreamEventJson = {
      source,
      id: e.id,
      txid: e.txid,
      topic: e.topic,
      unitCode: e.unitCode,
      aggregateId: e.aggregateId,
      payload: e.payload,
      createdAt: e.createdAt.toISOString(),
    };
    return JSON.stringify(body);
  },
  decode(text: string): { source: string; event: OutboxEvent } {
    const b = JSON.parse(text) as StreamEventJson;
    if (typeof b.source !== 'string' || typeof b.id !== 'string' || typeof b.topic !== 'string')
      throw new Error('not a Sunlight event: source, id and topic are required');
    // As from the outbox: the payload is what the topic's publisher wrote under the event contracts.
    const event = {
      id: b.id,
      txid: b.txid,
      topic: b.topic,
      unitCode: b.unitCode ?? null,
      aggregateId: b.aggregateId,
      payload: b.payload,
      createdAt: new Date(b.createdAt),
    } as OutboxEvent;
    return { source: b.source, event };
  },
};
