import type { EventStreamConfig } from './event-stream-config';

/** The subject an event of `source` on `topic` is published on: `<prefix>.<source>.<topic>`. */
export function eventSubject(stream: Pick<EventStreamConfig, 'subjectPrefix'>, source: string, topic: string): string {
  return `${stream.subjectPrefix}.${source}.${topic}`;
}

/** Every subject of `source`'s events (a consumer's filter), or of every source's when omitted. */
export function eventSubjects(stream: Pick<EventStreamConfig, 'subjectPrefix'>, source?: string): string {
  return source ? `${stream.subjectPrefix}.${source}.>` : `${stream.subjectPrefix}.>`;
}
